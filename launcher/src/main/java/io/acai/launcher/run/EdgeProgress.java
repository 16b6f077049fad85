package io.acai.launcher.run;

/**
 * What an edge's {@code edge_inf.csv} says so far.
 *
 * @param frames frames inferred (the sum of the {@code frames} column)
 * @param accuracy share of correct frames in the latest window, or NaN before the first row
 * @param modelVersion model version of the latest window, or empty before the first row
 * @param inferenceMs mean inference time of the latest window, ms, or NaN before the first row
 * @param waitMs mean time a request of the latest window waited in the queue, ms, or NaN before the first row
 * @param framesAfterFirst frames of the windows after the first one
 * @param firstEnd end of the first window, epoch ms, or NaN before the first row
 * @param lastEnd end of the latest window, epoch ms, or NaN before the first row
 */
public record EdgeProgress(long frames, double accuracy, String modelVersion, double inferenceMs, double waitMs,
                           long framesAfterFirst, double firstEnd, double lastEnd) {

    public static final EdgeProgress NONE = new EdgeProgress(0, Double.NaN, "");

    /** Frames, accuracy and model version only, nothing known about times. */
    public EdgeProgress(long frames, double accuracy, String modelVersion) {
        this(frames, accuracy, modelVersion, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
    }

    public boolean started() {
        return !Double.isNaN(accuracy);
    }

    /**
     * The frames requested between the end of the first window and the end of the latest one at {@code rate}
     * requests per second: the frames this edge should have served in the windows after its first.
     *
     * @return NaN when the rate is not known or fewer than two windows ended at different times
     */
    public double requestedAfterFirst(double rate) {
        double span = lastEnd - firstEnd;
        return rate > 0 && span > 0 ? rate * span / 1000 : Double.NaN;
    }

    /**
     * The share of its requests the edge served since its first window: {@link #framesAfterFirst()} over
     * {@link #requestedAfterFirst(double)}; 1 when it keeps up, below 1 when requests pile up in its queue.
     *
     * @return NaN when the requests are not known
     */
    public double servedShare(double rate) {
        return framesAfterFirst / requestedAfterFirst(rate);
    }
}
