package io.acai.launcher.metrics;

import io.acai.records.run.InferenceRow;
import java.util.List;

/** The share of correct frames over inference windows, each weighted by its frames. */
public final class FrameAccuracy {

    private FrameAccuracy() {
    }

    /** Whether the window counts: it has frames and an accuracy. */
    static boolean counts(InferenceRow row) {
        return Double.isFinite(row.accuracy()) && Double.isFinite(row.frames()) && row.frames() > 0;
    }

    /** Percent of correct frames over the windows that count; NaN when none does. */
    public static double percent(List<InferenceRow> rows) {
        double frames = 0;
        double correct = 0;
        for (InferenceRow row : rows) {
            if (counts(row)) {
                frames += row.frames();
                correct += row.frames() * row.accuracy();
            }
        }
        return frames == 0 ? Double.NaN : 100 * correct / frames;
    }
}
