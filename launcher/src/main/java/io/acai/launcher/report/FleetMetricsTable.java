package io.acai.launcher.report;

import io.acai.launcher.metrics.MachineMetrics;
import io.acai.launcher.metrics.Metric;
import io.acai.launcher.metrics.MetricValue;
import io.acai.launcher.metrics.Percentile;
import io.acai.launcher.metrics.RunMetrics;
import io.acai.launcher.metrics.SummaryFiles;
import java.util.List;
import java.util.Optional;

/**
 * The learning metrics of many edges as one column per {@link EdgeGroups group}, whatever the number of edges: each
 * cell is the median over the group's edges that have the metric, with the lowest and highest and how many edges
 * have it ({@code 71.3 (40.2 to 89.0, 98 edges)}); every cloud keeps a column of its own. The values of each edge are
 * in {@code summary.csv} and on the per-edge page.
 */
final class FleetMetricsTable {

    private FleetMetricsTable() {
    }

    static String html(RunMetrics metrics, EdgeGroups groups) {
        if (metrics.machines().isEmpty()) {
            return "";
        }
        List<MachineMetrics> clouds = metrics.machines().stream().filter(m -> !m.isEdge()).toList();
        StringBuilder html = new StringBuilder();
        html.append("<h3>Learning metrics</h3>\n<p>As in <code>").append(SummaryFiles.CSV).append("</code> and <code>")
                .append(SummaryFiles.JSON).append("</code>, each defined in the project's <code>")
                .append(SummaryFiles.DEFINITIONS).append("</code>; for each group of edges the median over its edges ")
                .append("that have the metric, with the lowest and the highest; \u2013: measured on none (the tooltip ")
                .append("says why for the first edge). Each edge's values: <a href=\"").append(ReportWriter.EDGES_PAGE)
                .append("\">").append(ReportWriter.EDGES_PAGE).append("</a>.</p>\n<table>\n<tr><th>metric</th><th>unit</th>");
        groups.members().forEach((group, edges) -> html.append("<th>").append(Html.escape(group)).append(" (")
                .append(edges.size()).append(")</th>"));
        clouds.forEach(c -> html.append("<th>").append(Html.escape(c.machine())).append("</th>"));
        html.append("</tr>\n");
        for (Metric metric : MetricRows.measured(metrics)) {
            html.append(MetricRows.head(metric));
            int places = metric.unit().equals("count") || metric.unit().equals("bytes") ? 0 : 1;
            for (List<String> edges : groups.members().values()) {
                html.append(spread(metric, edges.stream().map(metrics::machine).flatMap(Optional::stream).toList(),
                        places));
            }
            for (MachineMetrics cloud : clouds) {
                MetricValue value = cloud.values().get(metric);
                html.append(value == null ? "<td></td>" : value.measured()
                        ? "<td>" + Html.escape(Html.number(value.value(), places)) + "</td>"
                        : "<td class=\"note\" title=\"" + Html.escape(value.note()) + "\">\u2013</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String spread(Metric metric, List<MachineMetrics> edges, int places) {
        List<MetricValue> values = edges.stream().map(m -> m.values().get(metric)).filter(v -> v != null).toList();
        double[] measured = values.stream().filter(MetricValue::measured).mapToDouble(MetricValue::value).toArray();
        if (measured.length == 0) {
            return values.isEmpty() ? "<td></td>" : "<td class=\"note\" title=\"" + Html.escape(values.get(0).note())
                    + "\">\u2013</td>";
        }
        return "<td>" + Html.escape(Html.number(Percentile.of(measured, 0.5), places) + " ("
                + Html.number(Percentile.of(measured, 0), places) + " to " + Html.number(Percentile.of(measured, 1), places)
                + ", " + measured.length + (measured.length == 1 ? " edge)" : " edges)")) + "</td>";
    }
}
