package io.acai.launcher.metrics;

import io.acai.records.run.InferenceRow;
import java.util.List;
import java.util.OptionalInt;

/**
 * One edge's accuracy around its drift (docs/metrics.md): before the drift, the dip (lowest {@value #WINDOW_S} s
 * rolling mean after it), the time to recover (to within {@value #RECOVERY_POINTS} points of the level before the
 * drift), after the drift, and over the last {@value #WINDOW_S} s and the last {@value #LONG_WINDOW_S} s of the
 * run. Accuracies in percent.
 */
public record EdgeLearningMetrics(MetricValue beforeDrift, MetricValue dip, MetricValue timeToRecover,
                                  MetricValue afterDrift, MetricValue last30s, MetricValue last2min) {

    /** The rolling window, and the length of the last stretch, in seconds. */
    public static final double WINDOW_S = 30;
    /** How close to the level before the drift counts as recovered, in percentage points. */
    public static final double RECOVERY_POINTS = 5;
    /** The longer last stretch, in seconds: the 2 minutes over which a run's end state is usually read. */
    public static final double LONG_WINDOW_S = 120;

    public static EdgeLearningMetrics of(DriftTimeline timeline) {
        MetricValue last30s = MetricValue.of(lastWindow(timeline.rows(), WINDOW_S), "no inference rows");
        MetricValue last2min = MetricValue.of(lastWindow(timeline.rows(), LONG_WINDOW_S), "no inference rows");
        if (!timeline.drifted()) {
            MetricValue none = MetricValue.notMeasured(timeline.why());
            return new EdgeLearningMetrics(none, none, none, none, last30s, last2min);
        }
        double before = FrameAccuracy.percent(timeline.before());
        MetricValue beforeDrift = MetricValue.of(before, "no frames before the drift");
        MetricValue afterDrift = MetricValue.of(FrameAccuracy.percent(timeline.after()));
        AccuracyCurve rolling = RollingAccuracy.of(timeline.after(), timeline::sinceOnset, WINDOW_S);
        OptionalInt lowest = rolling.lowestFrom(WINDOW_S);
        if (lowest.isEmpty()) {
            MetricValue shortRun = MetricValue.notMeasured("less than " + (int) WINDOW_S + " s after the drift");
            return new EdgeLearningMetrics(beforeDrift, shortRun, shortRun, afterDrift, last30s, last2min);
        }
        double dip = rolling.percent()[lowest.getAsInt()];
        return new EdgeLearningMetrics(beforeDrift, MetricValue.of(dip), recovery(rolling, lowest.getAsInt(), before),
                afterDrift, last30s, last2min);
    }

    private static MetricValue recovery(AccuracyCurve rolling, int lowest, double before) {
        if (Double.isNaN(before)) {
            return MetricValue.notMeasured("no frames before the drift");
        }
        double level = before - RECOVERY_POINTS;
        if (rolling.percent()[lowest] >= level) {
            return new MetricValue(0, "never more than " + (int) RECOVERY_POINTS + " points below");
        }
        OptionalInt back = rolling.firstAtLeast(lowest, level);
        return back.isPresent() ? MetricValue.of(rolling.seconds()[back.getAsInt()]) : MetricValue.notRecovered();
    }

    /** Percent correct over the rows that ended in the last {@code seconds} up to the last one. */
    private static double lastWindow(List<InferenceRow> rows, double seconds) {
        if (rows.isEmpty()) {
            return Double.NaN;
        }
        double end = rows.get(rows.size() - 1).endTime();
        return FrameAccuracy.percent(rows.stream().filter(r -> r.endTime() > end - seconds * 1000).toList());
    }
}
