package io.acai.launcher.report;

import io.acai.records.run.LinkRow;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * One link quantity, configured vs measured, one pair of bars per shaped direction, from links.csv: {@link #RATE} or
 * {@link #RTT}.
 *
 * @param yAxisLabel the quantity and its unit
 * @param configured the configured value in one row of links.csv, in the unit of {@code yAxisLabel}
 * @param measured   the measured value in the same unit, NaN when the direction was not measured
 */
public record LinkComparisonChart(String fileName, String title, String caption, String yAxisLabel,
                                  ToDoubleFunction<LinkRow> configured, ToDoubleFunction<LinkRow> measured)
        implements ReportChart {

    public static final LinkComparisonChart RATE = new LinkComparisonChart("link_rate.png",
            "Link rate: configured vs measured",
            "Per shaped direction, the configured rate and the throughput the launcher measured after shaping, in Mbit/s (10^6 bits per second). A direction not measured shows no measured bar.",
            "Rate (Mbit/s)", LinkRow::configuredMbps, LinkRow::measuredMbps);

    public static final LinkComparisonChart RTT = new LinkComparisonChart("link_rtt.png",
            "Link round-trip time: configured vs measured",
            "Per shaped direction, the configured and the measured round-trip time in ms. A direction not measured shows no measured bar.",
            "Round-trip time (ms)", LinkRow::configuredRttMs, LinkRow::measuredRttMs);

    @Override
    public String needs() {
        return LinkRow.SCHEMA.fileName();
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        List<LinkRow> links = logs.links();
        if (links.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = ChartStyle.barChart(title, "Direction (from \u2192 to)", yAxisLabel);
        chart.getStyler().setYAxisMin(0.0);
        if (links.size() > 6) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        List<String> names = links.stream().map(LinkRow::name).toList();
        add(chart, "configured", names, links, configured);
        add(chart, "measured", names, links, measured);
        return Optional.of(chart);
    }

    /** A series of bars; a value not measured (NaN) becomes 0, so that direction shows no bar. */
    private static void add(CategoryChart chart, String name, List<String> names, List<LinkRow> links,
                            ToDoubleFunction<LinkRow> value) {
        chart.addSeries(name, names, links.stream().map(l -> {
            double v = value.applyAsDouble(l);
            return (Number) (Double.isFinite(v) ? v : 0.0);
        }).toList());
    }
}
