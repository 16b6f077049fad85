package io.acai.launcher.report;

import io.acai.launcher.metrics.Metric;
import io.acai.launcher.metrics.RunMetrics;
import java.util.Arrays;
import java.util.List;

/** What the report's metric tables (one column per machine, or per group of edges) share: their rows' heads. */
final class MetricRows {

    private MetricRows() {
    }

    /** The metrics at least one machine of the run has, in {@link Metric}'s order: a table's rows. */
    static List<Metric> measured(RunMetrics metrics) {
        return Arrays.stream(Metric.values())
                .filter(metric -> metrics.machines().stream().anyMatch(m -> m.values().containsKey(metric)))
                .toList();
    }

    /** A row's opening: its metric's label and unit cells. */
    static String head(Metric metric) {
        return "<tr><td>" + Html.escape(metric.label()) + "</td><td>" + Html.escape(metric.unit()) + "</td>";
    }
}
