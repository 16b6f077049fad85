package io.acai.launcher.report;

import io.acai.launcher.metrics.MachineMetrics;
import io.acai.launcher.metrics.Metric;
import io.acai.launcher.metrics.MetricValue;
import io.acai.launcher.metrics.RunMetrics;
import io.acai.launcher.metrics.SummaryFiles;
import io.acai.records.run.LinkRow;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code report.html}: what is missing, the summary tables, then the charts with their captions. With many
 * edges ({@link #writeFleet}) the main page holds the edges' spread and the per-edge tables and charts go to
 * {@code edges.html}.
 */
public final class ReportWriter {

    /** The page of per-edge tables and charts of a report on many edges, next to {@code report.html}. */
    public static final String EDGES_PAGE = "edges.html";

    private final StringBuilder html = new StringBuilder();

    public void write(Path file, ExperimentLogs logs, RunSummary summary, RunMetrics metrics, List<DrawnChart> charts)
            throws IOException {
        start(logs, summary, "acai experiment report");
        notes(logs.notes(), charts);
        totals(summary);
        metrics(metrics);
        edges(summary);
        updates(summary);
        retrains(summary, logs);
        links(logs.links());
        figures(charts);
        end(file);
    }

    /**
     * Writes a report on many edges as two pages: {@code report} with the totals, each metric's spread over each group
     * of edges ({@link FleetMetricsTable}), the cloud's retrains and the {@code spread} charts, whose size does not
     * grow with the edges; and {@value #EDGES_PAGE} beside it with every per-machine table and the {@code perEdge}
     * charts.
     */
    public void writeFleet(Path report, ExperimentLogs logs, RunSummary summary, RunMetrics metrics,
                           List<DrawnChart> spread, List<DrawnChart> perEdge) throws IOException {
        EdgeGroups groups = EdgeGroups.of(logs);
        start(logs, summary, "acai experiment report");
        html.append("<p>").append(logs.edges().size()).append(" edges, shown as the spread of each group (")
                .append(Html.escape(String.join(", ", groups.members().keySet())))
                .append("): every per-machine table and a line per edge in every chart are on <a href=\"")
                .append(EDGES_PAGE).append("\">").append(EDGES_PAGE).append("</a>.</p>\n");
        notes(logs.notes(), java.util.stream.Stream.concat(spread.stream(), perEdge.stream()).toList());
        totals(summary);
        html.append(FleetMetricsTable.html(metrics, groups));
        retrains(summary, logs);
        figures(spread);
        end(report);

        start(logs, summary, "acai experiment report: per edge");
        html.append("<p>Every machine one by one; the summary and the spread over the edges are on <a href=\"")
                .append(ReportCommand.REPORT_FILE).append("\">").append(ReportCommand.REPORT_FILE).append("</a>.</p>\n");
        metrics(metrics);
        edges(summary);
        updates(summary);
        links(logs.links());
        figures(perEdge);
        end(report.resolveSibling(EDGES_PAGE));
    }

    private void start(ExperimentLogs logs, RunSummary summary, String title) {
        html.setLength(0);
        html.append(Html.head(title)).append("<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p>Logs: <code>").append(Html.escape(logs.dir().toAbsolutePath().toString()))
                .append("</code>. Times are seconds since the experiment started (the earliest time in the logs); ")
                .append("the run covers ").append(Html.number(summary.durationS(), 0)).append(" s.</p>\n");
    }

    private void figures(List<DrawnChart> charts) {
        for (DrawnChart drawn : charts) {
            if (drawn.written()) {
                ReportChart chart = drawn.chart();
                html.append(Html.figure(chart.title(), drawn.href(), chart.caption()));
            }
        }
    }

    private void end(Path file) throws IOException {
        html.append("</body>\n</html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private void notes(ReportNotes notes, List<DrawnChart> charts) {
        List<DrawnChart> notDrawn = charts.stream().filter(c -> !c.written()).toList();
        if (notes.isEmpty() && notDrawn.isEmpty()) {
            html.append("<p>All expected files were found and read completely.</p>\n");
            return;
        }
        html.append("<div class=\"missing\">\n");
        if (!notes.missing().isEmpty()) {
            html.append("<h2>Missing</h2>\n<ul>\n");
            notes.missing().forEach(m -> html.append("<li>missing: <code>").append(Html.escape(m)).append("</code></li>\n"));
            html.append("</ul>\n");
        }
        if (!notDrawn.isEmpty()) {
            html.append("<h2>Charts not drawn</h2>\n<ul>\n");
            notDrawn.forEach(c -> html.append("<li>").append(Html.escape(c.chart().title()))
                    .append(": no data (needs <code>").append(Html.escape(c.chart().needs())).append("</code>)</li>\n"));
            html.append("</ul>\n");
        }
        if (!notes.warnings().isEmpty()) {
            html.append("<h2>Partial files</h2>\n<ul>\n");
            notes.warnings().forEach(w -> html.append("<li><code>").append(Html.escape(w)).append("</code></li>\n"));
            html.append("</ul>\n");
        }
        html.append("</div>\n");
    }

    private void totals(RunSummary summary) {
        html.append("<h2>Summary</h2>\n<table>\n<tr><th>frames</th><th>uploads</th><th>models swapped in</th>")
                .append("<th>retrains</th>")
                .append("<th>bytes up</th><th>bytes down</th></tr>\n<tr><td>")
                .append(Html.number(summary.frames(), 0)).append("</td><td>")
                .append(summary.uploads()).append("</td><td>")
                .append(summary.updates().size()).append("</td><td>")
                .append(summary.retrains().size()).append("</td><td>")
                .append(Html.kib(summary.bytesUp())).append("</td><td>")
                .append(Html.kib(summary.bytesDown())).append("</td></tr>\n</table>\n");
    }

    /** The learning metrics: one row per metric, one column per machine (summary.csv holds the same). */
    private void metrics(RunMetrics metrics) {
        if (metrics.machines().isEmpty()) {
            return;
        }
        html.append("<h3>Learning metrics</h3>\n<p>As in <code>").append(SummaryFiles.CSV).append("</code> and <code>")
                .append(SummaryFiles.JSON).append("</code>; each is defined in the project's <code>")
                .append(SummaryFiles.DEFINITIONS).append("</code>; \u2013: not measured (the cell's tooltip and ")
                .append("the files' note say why).</p>\n<table>\n<tr><th>metric</th><th>unit</th>");
        metrics.machines().forEach(m -> html.append("<th>").append(Html.escape(m.machine())).append("</th>"));
        html.append("</tr>\n");
        for (Metric metric : MetricRows.measured(metrics)) {
            html.append(MetricRows.head(metric));
            for (MachineMetrics machine : metrics.machines()) {
                MetricValue value = machine.values().get(metric);
                if (value == null) {
                    html.append("<td></td>");
                } else if (value.measured()) {
                    int places = metric.unit().equals("count") || metric.unit().equals("bytes") ? 0 : 1;
                    html.append(value.note().isEmpty() ? "<td>" : "<td title=\"" + Html.escape(value.note()) + "\">")
                            .append(Html.escape(Html.number(value.value(), places))).append("</td>");
                } else {
                    String shown = value.note().equals(MetricValue.NOT_RECOVERED) ? value.note() : "\u2013";
                    html.append("<td class=\"note\" title=\"").append(Html.escape(value.note())).append("\">")
                            .append(Html.escape(shown)).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private void edges(RunSummary summary) {
        if (summary.edges().isEmpty()) {
            return;
        }
        boolean controls = summary.edges().stream().anyMatch(e -> e.controlOf().isPresent());
        html.append("<h3>Per edge</h3>\n");
        if (controls) {
            html.append("<p>A static control sees exactly the frames of the edge it names, with the starting model; ")
                    .append("it never uploads and never swaps.</p>\n");
        }
        html.append("<table>\n<tr><th>edge</th>").append(controls ? "<th>static control of</th>" : "")
                .append("<th>frames</th><th>accuracy</th>")
                .append("<th>updates</th><th>bytes up</th><th>bytes down</th><th>last model</th></tr>\n");
        for (EdgeSummary edge : summary.edges()) {
            List<String> cells = new ArrayList<>(List.of(edge.edge()));
            if (controls) {
                cells.add(edge.controlOf().orElse(""));
            }
            cells.addAll(List.of(Html.number(edge.frames(), 0), Html.percent(edge.accuracy()),
                    Integer.toString(edge.updates()), Html.kib(edge.bytesUp()), Html.kib(edge.bytesDown()),
                    edge.lastModel()));
            row(cells.toArray(String[]::new));
        }
        html.append("</table>\n");
    }

    private void updates(RunSummary summary) {
        if (summary.updates().isEmpty()) {
            return;
        }
        html.append("<h3>Per update</h3>\n<p>Accuracy before: the last ").append(AccuracyWindow.WINDOWS)
                .append(" windows of 10 inferences before the update started (for a model pushed after another edge's ")
                .append("upload, before it arrived); after: the first ")
                .append(AccuracyWindow.WINDOWS).append(" windows after the new model was swapped in.</p>\n")
                .append("<table>\n<tr><th>update</th><th>model</th><th>start (s)</th><th>images</th>")
                .append("<th>to serving (s)</th><th>accuracy before</th><th>accuracy after</th><th>bytes up</th>")
                .append("<th>bytes down</th></tr>\n");
        for (UpdateSummary update : summary.updates()) {
            UpdateRow row = update.row();
            row(update.label(), row.modelVersion(), Html.number(update.startS(), 1), Html.number(row.images(), 0),
                    Html.number(update.loopS(), 2), Html.percent(update.accuracyBefore()),
                    Html.percent(update.accuracyAfter()), Html.kib(row.bytesUp()), Html.kib(row.bytesDown()));
        }
        html.append("</table>\n");
    }

    private void retrains(RunSummary summary, ExperimentLogs logs) {
        if (summary.retrains().isEmpty()) {
            return;
        }
        ExperimentClock clock = logs.clock();
        html.append("<h3>Retrains (cloud)</h3>\n<table>\n<tr><th>model</th><th>received (s)</th>")
                .append("<th>retrain (s)</th><th>images</th><th>edges</th><th>epochs</th><th>loss first</th>")
                .append("<th>loss last</th><th>device</th></tr>\n");
        for (RetrainRow r : summary.retrains()) {
            row(r.modelVersion(), Html.number(clock.seconds(r.received()), 1), Html.number(r.retrainMillis() / 1000, 2),
                    Html.number(r.images(), 0), Html.number(r.edges(), 0), Html.number(r.epochs(), 0),
                    Html.number(r.lossFirst(), 4), Html.number(r.lossLast(), 4), r.device());
        }
        html.append("</table>\n");
    }

    private void links(List<LinkRow> links) {
        if (links.isEmpty()) {
            return;
        }
        html.append("<h3>Links</h3>\n<table>\n<tr><th>direction</th><th>configured (Mbit/s)</th>")
                .append("<th>measured (Mbit/s)</th><th>configured RTT (ms)</th><th>measured RTT (ms)</th></tr>\n");
        for (LinkRow l : links) {
            row(l.name(), Html.number(l.configuredMbps(), 2), Html.number(l.measuredMbps(), 2),
                    Html.number(l.configuredRttMs(), 1), Html.number(l.measuredRttMs(), 1));
        }
        html.append("</table>\n");
    }

    private void row(String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(Html.escape(cell)).append("</td>");
        }
        html.append("</tr>\n");
    }
}
