package io.acai.cloud.retrain;

/**
 * What a retrain produced.
 *
 * @param weights   the new darknet {@code .weights} file
 * @param lossFirst the loss of the first step
 * @param lossLast  the loss of the last step
 * @param epochs    epochs run
 * @param device    where it ran, for example {@code cpu} or {@code gpu(0)}
 */
public record RetrainOutcome(byte[] weights, double lossFirst, double lossLast, int epochs, String device) {
}
