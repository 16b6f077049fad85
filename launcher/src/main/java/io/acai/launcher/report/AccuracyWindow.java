package io.acai.launcher.report;

import io.acai.records.run.InferenceRow;
import java.util.Comparator;
import java.util.List;

/**
 * Accuracy just before and just after a model update, from the inference windows around it.
 *
 * <p>Before: the last {@value #WINDOWS} windows that ended after the previous update's end and by this update's
 * start. After: the first {@value #WINDOWS} windows that ended after this update's end and by the next update's
 * start. Each is weighted by the windows' frames; NaN when there is no such window.
 */
public final class AccuracyWindow {

    /** Windows of 10 inferences on each side: 50 frames. */
    public static final int WINDOWS = 5;

    private AccuracyWindow() {
    }

    public static double before(List<InferenceRow> rows, double previousEnd, double start) {
        List<InferenceRow> inside = between(rows, previousEnd, start);
        return weighted(inside.subList(Math.max(0, inside.size() - WINDOWS), inside.size()));
    }

    public static double after(List<InferenceRow> rows, double end, double nextStart) {
        List<InferenceRow> inside = between(rows, end, nextStart);
        return weighted(inside.subList(0, Math.min(WINDOWS, inside.size())));
    }

    /** Share of correct frames over the rows, weighted by their frames (rows without a frame count weigh 1). */
    public static double weighted(List<InferenceRow> rows) {
        double frames = 0;
        double correct = 0;
        for (InferenceRow row : rows) {
            if (Double.isNaN(row.accuracy())) {
                continue;
            }
            double weight = Double.isFinite(row.frames()) && row.frames() > 0 ? row.frames() : 1;
            frames += weight;
            correct += weight * row.accuracy();
        }
        return frames == 0 ? Double.NaN : correct / frames;
    }

    private static List<InferenceRow> between(List<InferenceRow> rows, double after, double upTo) {
        return rows.stream()
                .filter(r -> r.endTime() > after && r.endTime() <= upTo)
                .sorted(Comparator.comparingDouble(InferenceRow::endTime))
                .toList();
    }
}
