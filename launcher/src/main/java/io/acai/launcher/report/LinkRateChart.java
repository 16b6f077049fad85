package io.acai.launcher.report;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Link rate: configured vs measured, one pair of bars per shaped direction, from links.csv. */
public final class LinkRateChart implements ReportChart {

    @Override
    public String fileName() {
        return "link_rate.png";
    }

    @Override
    public String title() {
        return "Link rate: configured vs measured";
    }

    @Override
    public String caption() {
        return "Per shaped direction, the configured rate and the throughput the launcher measured after shaping, in Mbit/s (10^6 bits per second). A direction not measured shows no measured bar.";
    }

    @Override
    public String needs() {
        return "links.csv";
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        List<LinkRow> links = logs.links();
        if (links.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = ChartStyle.barChart(title(), "Direction (from \u2192 to)", "Rate (Mbit/s)");
        chart.getStyler().setYAxisMin(0.0);
        if (links.size() > 6) {
            chart.getStyler().setXAxisLabelRotation(30);
        }
        List<String> names = links.stream().map(LinkRow::name).toList();
        add(chart, "configured", names, links, LinkRow::configuredMbps);
        add(chart, "measured", names, links, LinkRow::measuredMbps);
        return Optional.of(chart);
    }

    private static void add(CategoryChart chart, String name, List<String> names, List<LinkRow> links,
                            ToDoubleFunction<LinkRow> value) {
        chart.addSeries(name, names, links.stream().map(l -> {
            double v = value.applyAsDouble(l);
            return (Number) (Double.isFinite(v) ? v : 0.0);
        }).toList());
    }
}
