package io.acai.cloud.holdout;

/**
 * How one model version did on the held-out frames of one style.
 *
 * @param frames  frames scored
 * @param correct frames the judge found right
 * @param map50   mAP@0.5 over the same frames (NaN when they hold no object)
 */
public record HoldoutScore(int frames, int correct, double map50) {

    /** Share of the frames judged right, 0..1. */
    public double accuracy() {
        return frames == 0 ? Double.NaN : correct / (double) frames;
    }
}
