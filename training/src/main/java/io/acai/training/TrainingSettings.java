package io.acai.training;

/**
 * How a detector is (re)trained.
 *
 * @param epochs passes over the frames, {@code >= 1}
 * @param batchSize frames per optimiser step, {@code >= 1}
 * @param learningRate Adam's step size, {@code > 0} and finite
 * @param freezeBackbone keep the layers before the first head fixed (see {@link DetectorTrainer})
 * @param device where to train
 * @param seed shuffling order and random initialisation of dropout masks
 * @param batchNormMomentum share of the old batch-norm running mean and variance each step keeps, in (0, 1)
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, boolean freezeBackbone,
        TrainingDevice device, long seed, float batchNormMomentum) {

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

    /** Settings with the fine-tuning batch-norm momentum {@value #FINE_TUNING_BATCH_NORM_MOMENTUM}. */
    public TrainingSettings(int epochs, int batchSize, float learningRate, boolean freezeBackbone,
            TrainingDevice device, long seed) {
        this(epochs, batchSize, learningRate, freezeBackbone, device, seed, FINE_TUNING_BATCH_NORM_MOMENTUM);
    }

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
    }

    /**
     * Settings with the defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, nothing frozen, device auto,
     * seed 0, batch-norm momentum {@value #FINE_TUNING_BATCH_NORM_MOMENTUM}.
     */
    public static TrainingSettings of(int epochs, int batchSize) {
        return new TrainingSettings(epochs, batchSize, DEFAULT_LEARNING_RATE, false, TrainingDevice.AUTO, 0);
    }
}
