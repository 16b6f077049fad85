package io.acai.launcher.run;

/**
 * What an edge's {@code edge_inf.csv} says so far.
 *
 * @param frames frames inferred (the sum of the {@code frames} column)
 * @param accuracy share of correct frames in the latest window, or NaN before the first row
 * @param modelVersion model version of the latest window, or empty before the first row
 */
public record EdgeProgress(long frames, double accuracy, String modelVersion) {

    public static final EdgeProgress NONE = new EdgeProgress(0, Double.NaN, "");

    public boolean started() {
        return !Double.isNaN(accuracy);
    }
}
