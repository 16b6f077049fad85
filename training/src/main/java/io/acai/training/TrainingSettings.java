package io.acai.training;

/**
 * How a detector is (re)trained. Built with {@link #builder()}: epochs and batch size are required,
 * the rest has a default.
 *
 * <pre>{@code
 * TrainingSettings settings = TrainingSettings.builder().setEpochs(2).setBatchSize(8)
 *         .optLearningRate(3e-4f).optDevice(TrainingDevice.CPU).optSeed(1)
 *         .build();
 * }</pre>
 *
 * @param epochs passes over the frames, {@code >= 1}
 * @param batchSize frames per optimiser step, {@code >= 1}
 * @param learningRate Adam's step size, {@code > 0} and finite
 * @param freezeBackbone keep the layers before the first head fixed (see {@link DetectorTrainer})
 * @param device where to train
 * @param seed shuffling order and random initialisation of dropout masks
 * @param batchNormMomentum share of the old batch-norm running mean and variance each step keeps, in (0, 1)
 * @param fixedBatchNorm normalise with the running statistics while training and never update them (see
 *     {@link ConvolutionBlock#fixBatchNormStatistics()}); {@code batchNormMomentum} then plays no part
 * @param warmUpCosine warm the learning rate up over the first tenth of the steps, then decay it along a cosine
 *     (see {@link LearningRateSchedule})
 * @param headLearningRateFactor the head's learning rate over the rest's, {@code > 0} and finite: the head is
 *     every convolution from the one that feeds the first {@code [yolo]} on (those {@code freezeBackbone} leaves
 *     free)
 * @param recalibrateBatchNorm after the last epoch, one more pass over the frames without gradient steps that
 *     re-estimates the batch-norm running statistics (AdaBN) for the weights as trained
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, boolean freezeBackbone,
        TrainingDevice device, long seed, float batchNormMomentum, boolean fixedBatchNorm, boolean warmUpCosine,
        float headLearningRateFactor, boolean recalibrateBatchNorm) {

    /** Adam's default step size for fine-tuning. */
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;

    /**
     * The batch-norm momentum for fine-tuning (PyTorch's default, 0.1 in its convention). A retrain
     * round is tens of steps: with darknet's .99, a 30-step round keeps 74 % of the old running
     * statistics, so the weights it learned on the new data's batch statistics would be served with the
     * old data's at inference. Long training from scratch (pretrain) uses darknet's .99
     * ({@link ConvolutionBlock#DARKNET_BATCH_NORM_MOMENTUM}).
     */
    public static final float FINE_TUNING_BATCH_NORM_MOMENTUM = 0.9f;

    public TrainingSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: " + epochs + " (expected: >= 1)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: " + batchSize + " (expected: >= 1)");
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate: " + learningRate + " (expected: > 0 and finite)");
        }
        if (device == null) {
            throw new NullPointerException("device");
        }
        ConvolutionBlock.requireMomentum(batchNormMomentum);
        if (!(headLearningRateFactor > 0) || Float.isInfinite(headLearningRateFactor)) {
            throw new IllegalArgumentException("headLearningRateFactor: " + headLearningRateFactor
                    + " (expected: > 0 and finite)");
        }
    }

    /**
     * Settings with the defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, nothing frozen, device auto,
     * seed 0, batch-norm momentum {@value #FINE_TUNING_BATCH_NORM_MOMENTUM}.
     */
    public static TrainingSettings of(int epochs, int batchSize) {
        return builder().setEpochs(epochs).setBatchSize(batchSize).build();
    }

    /** A builder with every optional value at its default (those of {@link #of}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TrainingSettings}: {@code setX} for required values, {@code optX} for optional ones. */
    public static final class Builder {

        private Integer epochs;
        private Integer batchSize;
        private float learningRate = DEFAULT_LEARNING_RATE;
        private boolean freezeBackbone;
        private TrainingDevice device = TrainingDevice.AUTO;
        private long seed;
        private float batchNormMomentum = FINE_TUNING_BATCH_NORM_MOMENTUM;
        private boolean fixedBatchNorm;
        private boolean warmUpCosine;
        private float headLearningRateFactor = 1f;
        private boolean recalibrateBatchNorm;

        private Builder() {
        }

        /** Passes over the frames, {@code >= 1}. */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Frames per optimiser step, {@code >= 1}. */
        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Adam's step size (default {@value #DEFAULT_LEARNING_RATE}). */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Keep the layers before the first head fixed (default: no). */
        public Builder optFreezeBackbone(boolean freezeBackbone) {
            this.freezeBackbone = freezeBackbone;
            return this;
        }

        /** Where to train (default: {@link TrainingDevice#AUTO}). */
        public Builder optDevice(TrainingDevice device) {
            this.device = device;
            return this;
        }

        /** Shuffling and dropout seed (default 0). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Batch-norm momentum (default {@value #FINE_TUNING_BATCH_NORM_MOMENTUM}). */
        public Builder optBatchNormMomentum(float batchNormMomentum) {
            this.batchNormMomentum = batchNormMomentum;
            return this;
        }

        /** Keep the batch-norm running statistics fixed while training (default: no, they follow the batches). */
        public Builder optFixedBatchNorm(boolean fixedBatchNorm) {
            this.fixedBatchNorm = fixedBatchNorm;
            return this;
        }

        /** Warm-up over the first tenth of the steps, then a cosine decay (default: no, a fixed rate). */
        public Builder optWarmUpCosine(boolean warmUpCosine) {
            this.warmUpCosine = warmUpCosine;
            return this;
        }

        /** The head's learning rate over the rest's (default 1: the same rate everywhere). */
        public Builder optHeadLearningRateFactor(float headLearningRateFactor) {
            this.headLearningRateFactor = headLearningRateFactor;
            return this;
        }

        /** Re-estimate the batch-norm running statistics after the last epoch (default: no). */
        public Builder optRecalibrateBatchNorm(boolean recalibrateBatchNorm) {
            this.recalibrateBatchNorm = recalibrateBatchNorm;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalStateException naming the first required value that was not set
         * @throws IllegalArgumentException naming a value out of its range
         */
        public TrainingSettings build() {
            if (epochs == null) {
                throw new IllegalStateException("TrainingSettings: epochs is not set (call setEpochs)");
            }
            if (batchSize == null) {
                throw new IllegalStateException("TrainingSettings: batchSize is not set (call setBatchSize)");
            }
            return new TrainingSettings(epochs, batchSize, learningRate, freezeBackbone, device, seed,
                    batchNormMomentum, fixedBatchNorm, warmUpCosine, headLearningRateFactor, recalibrateBatchNorm);
        }
    }
}
