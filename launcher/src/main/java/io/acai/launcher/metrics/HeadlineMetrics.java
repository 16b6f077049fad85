package io.acai.launcher.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few lines printed at the end of a run: per edge, accuracy before the drift, the dip, the time to recover,
 * the last 30 s and the gain over its control; per cloud, its retrains and forgetting.
 */
public final class HeadlineMetrics {

    private HeadlineMetrics() {
    }

    public static List<String> lines(RunMetrics metrics) {
        List<String> lines = new ArrayList<>();
        for (MachineMetrics machine : metrics.machines()) {
            if (machine.isEdge()) {
                lines.add(edge(machine));
            } else if (machine.values().containsKey(Metric.RETRAINS)) {
                lines.add(cloud(machine));
            }
        }
        return lines;
    }

    private static String edge(MachineMetrics edge) {
        List<String> parts = new ArrayList<>();
        parts.add("before drift " + percent(edge.value(Metric.ACCURACY_BEFORE_DRIFT)));
        parts.add("dip " + percent(edge.value(Metric.ACCURACY_DIP)));
        MetricValue recover = edge.value(Metric.TIME_TO_RECOVER);
        parts.add(recover.measured() ? String.format(Locale.ROOT, "recovered after %.0f s", recover.value())
                : recover.note().equals(MetricValue.NOT_RECOVERED) ? MetricValue.NOT_RECOVERED : "recovery not measured");
        parts.add("last 30 s " + percent(edge.value(Metric.ACCURACY_LAST_30S)));
        MetricValue gain = edge.value(Metric.GAIN_LAST_30S);
        if (gain.measured()) {
            parts.add(String.format(Locale.ROOT, "%+.1f points %s in the last 30 s", gain.value(), gain.note()));
        }
        return edge.machine() + ": " + String.join(", ", parts);
    }

    private static String cloud(MachineMetrics cloud) {
        String line = cloud.machine() + ": " + (long) cloud.value(Metric.RETRAINS).value() + " retrains";
        MetricValue forgetting = cloud.value(Metric.FORGETTING);
        if (forgetting.measured()) {
            line += String.format(Locale.ROOT, ", forgetting %.1f points (%s)", forgetting.value(), forgetting.note());
        }
        return line;
    }

    private static String percent(MetricValue value) {
        return value.measured() ? String.format(Locale.ROOT, "%.1f%%", value.value()) : "n/a";
    }
}
