package io.acai.cloud.retrain;

/**
 * What a retrain produced.
 *
 * @param weights   the new darknet {@code .weights} file
 * @param lossFirst the mean loss per step of the first epoch
 * @param lossLast  the mean loss per step of the last epoch
 * @param epochs    epochs run
 * @param device    where it ran, for example {@code cpu} or {@code gpu(0)}
 */
public record RetrainOutcome(byte[] weights, double lossFirst, double lossLast, int epochs, String device) {
}
