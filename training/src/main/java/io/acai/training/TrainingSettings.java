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
 */
public record TrainingSettings(int epochs, int batchSize, float learningRate, boolean freezeBackbone,
        TrainingDevice device, long seed) {

    /** Adam's default step size for fine-tuning. */
    public static final float DEFAULT_LEARNING_RATE = 1e-3f;

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
    }

    /** Settings with the defaults: learning rate {@value #DEFAULT_LEARNING_RATE}, nothing frozen, device auto, seed 0. */
    public static TrainingSettings of(int epochs, int batchSize) {
        return new TrainingSettings(epochs, batchSize, DEFAULT_LEARNING_RATE, false, TrainingDevice.AUTO, 0);
    }
}
