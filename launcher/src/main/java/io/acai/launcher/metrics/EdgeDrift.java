package io.acai.launcher.metrics;

import java.time.Duration;

/**
 * Where one edge's drift starts, as a frame index: the drift scenario starts drifting at frame
 * {@code round(driftAfter x rate)} of the edge's stream (scenes' {@code DriftScenario.Builder.driftAfter}), and an
 * edge judges its frames in order, so the frame index of an {@code edge_inf.csv} row is the sum of the frames of the
 * rows before it.
 *
 * @param driftFrame the first drifted frame; -1 when there is no drift or it is not known
 * @param rate       the edge's frames per second; NaN when not known
 * @param why        when {@code driftFrame} is -1: why, for example {@code no drift (the edge reads a dataset)}
 */
public record EdgeDrift(long driftFrame, double rate, String why) {

    /** The edge app's {@code --drift-after} when the config does not give one (edge-app's EdgeConfig). */
    public static final Duration DEFAULT_DRIFT_AFTER = Duration.ofSeconds(20);
    /** The launcher's rate for an edge whose config does not give one (config's EdgeAppArgs). */
    public static final double DEFAULT_RATE = 10;

    /** The drift of a stream at {@code rate} frames per second that starts drifting after {@code driftAfter}. */
    public static EdgeDrift after(Duration driftAfter, double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate: " + rate + " (expected: > 0 frames per second)");
        }
        if (driftAfter.isNegative()) {
            throw new IllegalArgumentException("driftAfter: " + driftAfter + " (expected: >= 0)");
        }
        return new EdgeDrift(Math.round(driftAfter.toNanos() / 1e9 * rate), rate, "");
    }

    /** No drift, or not known: {@code why} says which. */
    public static EdgeDrift none(String why) {
        return new EdgeDrift(-1, Double.NaN, why);
    }

    public boolean known() {
        return driftFrame >= 0;
    }
}
