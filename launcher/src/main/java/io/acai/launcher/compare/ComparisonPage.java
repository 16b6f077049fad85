package io.acai.launcher.compare;

import io.acai.launcher.metrics.Metric;
import io.acai.launcher.report.Html;
import io.acai.records.campaign.CampaignRow;
import io.acai.records.campaign.SettingRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code compare.html}: the folders compared, the notes on what was skipped, the table of settings sorted by
 * {@link Comparison#rankedBy()} (the gain over the control over the last 2 min where measured) with n and the 95 %
 * confidence
 * intervals of the headline metrics, then the charts with their captions.
 */
final class ComparisonPage {

    private final StringBuilder html = new StringBuilder();

    void write(Path file, Comparison comparison, List<DrawnComparisonChart> charts) throws IOException {
        html.setLength(0);
        html.append(Html.head("acai comparison")).append("<h1>acai comparison</h1>\n<p>")
                .append(comparison.runs().size()).append(" runs in ").append(comparison.settings().size())
                .append(" settings, from <code>")
                .append(Html.escape(String.join(", ", comparison.folders().stream()
                        .map(p -> p.toAbsolutePath().normalize().toString()).toList())))
                .append("</code>. Every run's metrics are in <code>").append(CampaignRow.SCHEMA.fileName())
                .append("</code>, every setting's means and intervals in <code>").append(SettingRow.SCHEMA.fileName())
                .append("</code>; the metrics are defined in the project's <code>docs/metrics.md</code>.</p>\n");
        notes(comparison.notes());
        table(comparison);
        for (DrawnComparisonChart drawn : charts) {
            if (drawn.written()) {
                html.append(Html.figure(drawn.chart().title(), drawn.href(), drawn.chart().caption()));
            }
        }
        List<String> notDrawn = charts.stream().filter(c -> !c.written()).map(c -> c.chart().title()).toList();
        if (!notDrawn.isEmpty()) {
            html.append("<p class=\"note\">Not drawn (no run has data for them): ")
                    .append(Html.escape(String.join(", ", notDrawn))).append(".</p>\n");
        }
        html.append("</body>\n</html>\n");
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private void notes(List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        html.append("<div class=\"missing\">\n<h2>Notes</h2>\n<ul>\n");
        notes.forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>\n"));
        html.append("</ul>\n</div>\n");
    }

    private void table(Comparison comparison) {
        Optional<Metric> rankedBy = comparison.rankedBy();
        html.append("<h2>Settings</h2>\n<p>")
                .append(rankedBy.map(m -> "Sorted by " + m.key() + ", highest first. ").orElse(""))
                .append("Each cell: the mean over the setting's runs [95 % confidence interval, Student's t] ")
                .append("and n, the runs that measured it; a run's value is the mean over its machines that ")
                .append("measured the metric, static controls left out. With n = 1 there is no interval.</p>\n")
                .append("<table>\n<tr><th>setting</th><th>runs</th>");
        List<Metric> shown = Comparison.HEADLINE.stream().filter(m -> comparison.measured(m.key())).toList();
        shown.forEach(m -> html.append("<th>").append(Html.escape(m.key())).append(" (")
                .append(Html.escape(m.unit())).append(")</th>"));
        html.append("</tr>\n");
        for (Setting setting : comparison.ranked()) {
            html.append("<tr><td>").append(Html.escape(setting.label())).append("</td><td>")
                    .append(setting.runs().size()).append("</td>");
            for (Metric metric : shown) {
                html.append(cell(setting.interval(metric.key())));
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** {@code mean [low, high] n=3}, {@code mean (n=1: no interval)}, or a dash. */
    static String cell(MeanInterval interval) {
        if (interval.n() == 0) {
            return "<td class=\"note\" title=\"" + Html.escape(interval.note()) + "\">\u2013</td>";
        }
        String text = Html.number(interval.mean(), 1) + (interval.hasInterval()
                ? " [" + Html.number(interval.low(), 1) + ", " + Html.number(interval.high(), 1) + "] n=" + interval.n()
                : " (" + interval.note() + ")");
        return "<td>" + Html.escape(text) + "</td>";
    }
}
