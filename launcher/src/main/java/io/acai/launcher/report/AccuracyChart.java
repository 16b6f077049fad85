package io.acai.launcher.report;

import io.acai.launcher.metrics.AccuracyCurve;
import io.acai.launcher.metrics.RollingAccuracy;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.UpdateRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy over time per edge: every window of 10 inferences as a faint line, the {@link RollingAccuracy} over
 * {@value #ROLLING_SECONDS} s as a bold one, and a marker along the top at every new model swapped in, in the
 * edge's colour. (Shading each update's span hid the lines once updates came every few seconds.) A static control
 * is drawn against its edge: its rolling mean only, dashed, in its edge's colour, labelled
 * {@code <edge> (static)}.
 */
public final class AccuracyChart implements ReportChart {

    /** The span of the bold line's rolling mean, in seconds. */
    public static final double ROLLING_SECONDS = 30;
    /** A control's line: as wide as the bold lines, dashed. */
    static final BasicStroke CONTROL = new BasicStroke(3.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 4f}, 0f);

    @Override
    public String fileName() {
        return "accuracy.png";
    }

    @Override
    public String title() {
        return "Accuracy per edge";
    }

    @Override
    public String caption() {
        return "Bold lines: share of correct frames over the last " + (int) ROLLING_SECONDS + " s (all windows of 10 "
                + "inferences that ended in it, weighted by frames). Faint lines: each window of 10 inferences. Markers "
                + "along the top: a new model swapped in at that edge (update_end), one row per edge. Dashed lines: an "
                + "edge's static control, in the edge's colour: the same frames with the starting model, never updated.";
    }

    @Override
    public String needs() {
        return "<edge>/" + InferenceRow.SCHEMA.fileName();
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        XYChart chart = ChartStyle.timeChart(title(), "Accuracy (% of frames correct)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setMarkerSize(7); // the swap markers; lines have none
        boolean drawn = false;
        for (EdgeLogs edge : logs.edges()) {
            Points windows = Points.of(edge.inference(), r -> clock.seconds(r.endTime()), r -> 100 * r.accuracy());
            if (!windows.isEmpty() && logs.controlOf(edge.name()).isEmpty()) {
                windows.addLine(chart, edge.name() + " (windows)", ChartStyle.translucent(logs.color(edge.name()), 70),
                        ChartStyle.THIN).setShowInLegend(false);
            }
        }
        for (EdgeLogs edge : logs.edges()) {
            AccuracyCurve curve = RollingAccuracy.of(edge.inference(), r -> clock.seconds(r.endTime()), ROLLING_SECONDS);
            Points rolling = new Points(curve.seconds(), curve.percent());
            if (rolling.isEmpty()) {
                continue;
            }
            Optional<String> target = logs.controlOf(edge.name());
            if (target.isPresent()) {
                rolling.addLine(chart, controlLabel(chart, edge.name(), target.get()), logs.color(target.get()),
                        CONTROL);
            } else {
                rolling.addLine(chart, edge.name(), logs.color(edge.name()), ChartStyle.BOLD);
            }
            drawn = true;
        }
        for (int i = 0; i < logs.edges().size(); i++) {
            EdgeLogs edge = logs.edges().get(i);
            addSwaps(chart, edge, clock, 99 - 3 * i, logs.color(edge.name()));
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }

    /** {@code <target> (static)}, or with the control's name too when the target has several controls. */
    static String controlLabel(XYChart chart, String control, String target) {
        String label = target + " (static)";
        return chart.getSeriesMap().containsKey(label) ? target + " (static, " + control + ")" : label;
    }

    /** A marker at height {@code y} for every new model the edge swapped in. */
    private static void addSwaps(XYChart chart, EdgeLogs edge, ExperimentClock clock, double y, Color color) {
        double[] times = edge.updates().stream().filter(UpdateRow::isSwap)
                .mapToDouble(u -> clock.seconds(u.updateEnd())).filter(Double::isFinite).toArray();
        if (times.length == 0) {
            return;
        }
        double[] heights = new double[times.length];
        Arrays.fill(heights, y);
        XYSeries swaps = chart.addSeries(edge.name() + " new model", times, heights);
        swaps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        swaps.setMarker(SeriesMarkers.TRIANGLE_DOWN);
        swaps.setMarkerColor(color);
        swaps.setShowInLegend(false);
    }
}
