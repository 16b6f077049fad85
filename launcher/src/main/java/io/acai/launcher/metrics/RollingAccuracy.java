package io.acai.launcher.metrics;

import io.acai.records.run.InferenceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One edge's accuracy smoothed over time: at the end of every inference window, the share of correct
 * frames among all the windows that ended in the {@code span} seconds up to it (that one included),
 * weighted by their frames. A window of 10 frames at a few frames per second moves in steps of 10 %,
 * too coarse to show a trend; 30 s at 2-4 frames per second weighs 60-120 frames. Windows without frames or
 * accuracy are left out.
 */
public final class RollingAccuracy {

    private RollingAccuracy() {
    }

    /**
     * The rolling accuracy in percent at every window's end, x in the seconds {@code seconds} gives.
     *
     * @param seconds a row's end time in seconds (since the experiment started, or since the drift)
     * @throws IllegalArgumentException when {@code span} is not positive
     */
    public static AccuracyCurve of(List<InferenceRow> rows, ToDoubleFunction<InferenceRow> seconds, double span) {
        if (!(span > 0)) {
            throw new IllegalArgumentException("span: " + span + " (expected: > 0 seconds)");
        }
        List<InferenceRow> usable = new ArrayList<>();
        for (InferenceRow row : rows) {
            if (Double.isFinite(seconds.applyAsDouble(row)) && FrameAccuracy.counts(row)) {
                usable.add(row);
            }
        }
        usable.sort(Comparator.comparingDouble(seconds));
        double[] x = new double[usable.size()];
        double[] y = new double[usable.size()];
        int first = 0;
        double correct = 0;
        double frames = 0;
        for (int i = 0; i < usable.size(); i++) {
            InferenceRow row = usable.get(i);
            double end = seconds.applyAsDouble(row);
            correct += row.accuracy() * row.frames();
            frames += row.frames();
            while (seconds.applyAsDouble(usable.get(first)) <= end - span) {
                InferenceRow old = usable.get(first++);
                correct -= old.accuracy() * old.frames();
                frames -= old.frames();
            }
            x[i] = end;
            y[i] = 100 * correct / frames;
        }
        return new AccuracyCurve(x, y);
    }
}
