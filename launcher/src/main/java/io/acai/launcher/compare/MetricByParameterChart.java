package io.acai.launcher.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.acai.launcher.campaign.RunId;
import io.acai.launcher.report.ChartStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collections;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One metric against one swept parameter: a point per setting at its parameter value, the mean over the setting's
 * runs with its 95 % confidence interval as an error bar (none where one run measured it). A numeric parameter is
 * drawn on a numeric axis; any other one point per value, in the order found. When other parameters are swept too,
 * one line per combination of their values; parameters zipped with this one (each value always with the same value of
 * this one) are named in the caption rather than drawn apart.
 */
final class MetricByParameterChart implements ComparisonChart {

    private final String path;
    private final String label;
    private final String metric;
    private final List<String> zipped;

    /** @param zipped the parameters swept together with {@code path} (named in the caption) */
    MetricByParameterChart(String path, String label, String metric, List<String> zipped) {
        this.path = path;
        this.label = label;
        this.metric = metric;
        this.zipped = List.copyOf(zipped);
    }

    @Override
    public String fileName() {
        return RunId.safe(metric + "-by-" + label) + ".png";
    }

    @Override
    public String title() {
        return metric + " by " + label;
    }

    @Override
    public String caption() {
        return "Each point: the mean over a setting's runs of " + metric + " (a run's value: the mean over its "
                + "machines that measured it, static controls left out) at the value of " + path
                + (zipped.isEmpty() ? "" : " (swept together with " + String.join(", ", zipped) + ")")
                + "; bars: its 95 % "
                + "confidence interval (Student's t, n - 1 degrees of freedom); no bar where only one run measured it. "
                + "One line per combination of the other swept parameters.";
    }

    @Override
    public Optional<Chart<?, ?>> draw(Comparison comparison) {
        List<JsonNode> values = comparison.values(path);
        boolean numeric = comparison.numeric(path);
        List<String> others = comparison.sweptParameters().stream().filter(p -> !p.equals(path)).toList();
        Map<String, String> otherLabels = ParameterValues.labels(others);
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        for (Setting setting : comparison.settings()) {
            JsonNode value = setting.parameters().get(path);
            MeanInterval interval = setting.interval(metric);
            if (value == null || interval.n() == 0) {
                continue;
            }
            String line = others.isEmpty() ? "mean over repeats" : String.join(", ", others.stream()
                    .map(p -> otherLabels.get(p) + "=" + Optional.ofNullable(setting.parameters().get(p))
                            .map(ParameterValues::text).orElse("-")).toList());
            double x = numeric ? value.asDouble() : values.indexOf(value);
            lines.computeIfAbsent(line, l -> new ArrayList<>()).add(new double[] {x, interval.mean(),
                    interval.halfWidth()});
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String unit = comparison.unit(metric);
        String yTitle = metric + (unit.isEmpty() ? "" : " (" + unit + ")");
        Chart<?, ?> chart = numeric ? numericChart(lines, yTitle) : categoryChart(lines, values, yTitle);
        return Optional.of(chart);
    }

    private XYChart numericChart(Map<String, List<double[]>> lines, String yTitle) {
        XYChart chart = ChartStyle.xyChart(title(), label, yTitle);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(9);
        int colour = 0;
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            List<double[]> points = line.getValue();
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            XYSeries series = chart.addSeries(line.getKey(), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray(), points.stream().mapToDouble(p -> p[2]).toArray());
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineColor(ChartStyle.color(colour));
            series.setMarkerColor(ChartStyle.color(colour));
            series.setLineStyle(ChartStyle.SOLID);
            colour++;
        }
        return chart;
    }

    /** One category per value, in the order found; a line's missing values are gaps. */
    private CategoryChart categoryChart(Map<String, List<double[]>> lines, List<JsonNode> values, String yTitle) {
        CategoryChart chart = ChartStyle.barChart(title(), label + " (one point per value)", yTitle);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setOverlapped(true); // every line's point at its category's centre
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(9);
        List<String> categories = values.stream().map(ParameterValues::text).toList();
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            List<Double> means = new ArrayList<>(Collections.nCopies(values.size(), Double.NaN));
            List<Double> halves = new ArrayList<>(Collections.nCopies(values.size(), 0.0));
            for (double[] point : line.getValue()) {
                means.set((int) point[0], point[1]);
                halves.set((int) point[0], point[2]);
            }
            CategorySeries series = chart.addSeries(line.getKey(), categories, means, halves);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(ChartStyle.SOLID);
        }
        return chart;
    }
}
