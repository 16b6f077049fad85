package io.acai.edge.infer;

import io.acai.records.run.InferenceRow;
import java.util.Locale;

/**
 * Sums over the last {@value #SIZE} inferences; {@link #add} returns their summary when the window
 * is full and starts the next one. Used by the inference thread only.
 */
public final class InferenceWindow {

    public static final int SIZE = 10;

    /** One window, as a row of {@code edge_inf.csv} gives it. */
    public record Summary(long endMillis, double avgInferenceMillis, double avgWaitMillis, double avgQueueLength,
                          int frames, double accuracy, int modelVersion) {

        /** The window as a row of {@code edge_inf.csv}. */
        public InferenceRow row() {
            return new InferenceRow(endMillis, avgInferenceMillis, avgWaitMillis, avgQueueLength, frames, accuracy,
                    Integer.toString(modelVersion));
        }

        /** The values of the window's {@code METRIC inference} line in the edge's inference log. */
        public String metricValues() {
            return String.format(Locale.ROOT,
                    "avg_inf_ms=%.3f avg_wait_ms=%.3f avg_queue=%.2f accuracy=%.2f model_version=%d",
                    avgInferenceMillis, avgWaitMillis, avgQueueLength, accuracy, modelVersion);
        }
    }

    private int frames;
    private int correct;
    private long inferenceNanos;
    private long waitNanos;
    private long queueLengths;

    /** Records one inference; returns the window's summary when it holds {@value #SIZE}, else {@code null}. */
    public Summary add(long inferenceNanos, long waitNanos, int queueLength, boolean correct, int modelVersion,
                       long endMillis) {
        frames++;
        this.correct += correct ? 1 : 0;
        this.inferenceNanos += inferenceNanos;
        this.waitNanos += waitNanos;
        this.queueLengths += queueLength;
        if (frames < SIZE) {
            return null;
        }
        Summary summary = new Summary(endMillis, this.inferenceNanos / 1e6 / frames, this.waitNanos / 1e6 / frames,
                queueLengths / (double) frames, frames, this.correct / (double) frames, modelVersion);
        frames = 0;
        this.correct = 0;
        this.inferenceNanos = 0;
        this.waitNanos = 0;
        queueLengths = 0;
        return summary;
    }
}
