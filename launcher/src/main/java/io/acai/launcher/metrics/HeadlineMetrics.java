package io.acai.launcher.metrics;

import io.acai.launcher.plan.LargeFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few lines printed at the end of a run: per edge, accuracy before the drift, the dip, the time to recover,
 * the last 30 s and the gain over its control, the same over the last 2 min; per cloud, its retrains and
 * forgetting. With more than
 * {@value LargeFleet#EDGES_ONE_BY_ONE} edges, the learning edges and the static controls get a line each instead:
 * the median of each figure over them, with the lowest and the highest.
 */
public final class HeadlineMetrics {

    private HeadlineMetrics() {
    }

    public static List<String> lines(RunMetrics metrics) {
        List<String> lines = new ArrayList<>();
        boolean fleet = LargeFleet.summarizes(metrics.edges().size());
        if (fleet) {
            List<MachineMetrics> controls = metrics.edges().stream()
                    .filter(e -> metrics.controlOf().containsKey(e.machine())).toList();
            List<MachineMetrics> learning = metrics.edges().stream()
                    .filter(e -> !metrics.controlOf().containsKey(e.machine())).toList();
            lines.add(edges(learning, "edges"));
            if (!controls.isEmpty()) {
                lines.add(edges(controls, controls.size() == 1 ? "static control" : "static controls"));
            }
        }
        for (MachineMetrics machine : metrics.machines()) {
            if (machine.isEdge()) {
                if (!fleet) {
                    lines.add(edge(machine));
                }
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
        MetricValue longer = edge.value(Metric.ACCURACY_LAST_2MIN);
        if (longer.measured()) {
            parts.add("last 2 min " + percent(longer));
        }
        MetricValue longerGain = edge.value(Metric.GAIN_LAST_2MIN);
        if (longerGain.measured()) {
            parts.add(String.format(Locale.ROOT, "%+.1f points in the last 2 min", longerGain.value()));
        }
        return edge.machine() + ": " + String.join(", ", parts);
    }

    /**
     * {@code 98 edges, median (lowest to highest): before drift 80.0% (70.0 to 90.0), dip 30.0% (...), recovered: 91
     * after 35 s (20 to 80), last 30 s ..., gain over the control ... (1 edge)}.
     */
    private static String edges(List<MachineMetrics> edges, String what) {
        List<String> parts = new ArrayList<>();
        parts.add("before drift " + spread(edges, Metric.ACCURACY_BEFORE_DRIFT, "%"));
        parts.add("dip " + spread(edges, Metric.ACCURACY_DIP, "%"));
        long recovered = edges.stream().filter(e -> e.value(Metric.TIME_TO_RECOVER).measured()).count();
        parts.add("recovered: " + recovered + (recovered > 0 ? " after " + spread(edges, Metric.TIME_TO_RECOVER, " s")
                : ""));
        parts.add("last 30 s " + spread(edges, Metric.ACCURACY_LAST_30S, "%"));
        parts.add("last 2 min " + spread(edges, Metric.ACCURACY_LAST_2MIN, "%"));
        long gains = edges.stream().filter(e -> e.value(Metric.GAIN_LAST_30S).measured()).count();
        if (gains > 0) {
            parts.add("gain over the control in the last 30 s " + spread(edges, Metric.GAIN_LAST_30S, " points")
                    + ", in the last 2 min " + spread(edges, Metric.GAIN_LAST_2MIN, " points")
                    + " (" + gains + (gains == 1 ? " edge)" : " edges)"));
        }
        return edges.size() + " " + what + ", median (lowest to highest): " + String.join(", ", parts)
                + "; each edge's in " + SummaryFiles.CSV;
    }

    /** {@code 80.0% (70.0 to 90.0)} over the edges that have the metric, or n/a. */
    private static String spread(List<MachineMetrics> edges, Metric metric, String unit) {
        double[] values = edges.stream().map(e -> e.value(metric)).filter(MetricValue::measured)
                .mapToDouble(MetricValue::value).toArray();
        if (values.length == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f%s (%.1f to %.1f)", Percentile.of(values, 0.5), unit,
                Percentile.of(values, 0), Percentile.of(values, 1));
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
