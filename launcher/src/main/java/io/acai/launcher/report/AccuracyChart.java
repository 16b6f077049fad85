package io.acai.launcher.report;

import java.awt.Color;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy over time per edge, with each model update shaded from its start (upload threshold reached) to its end
 * (new model swapped in), in the edge's colour. XChart has no span annotation, so a span is a translucent polygon
 * series drawn under the lines.
 */
public final class AccuracyChart implements ReportChart {

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
        return "Share of correct frames in each window of 10 inferences. Shaded spans: model updates, from the "
                + "upload threshold (update_start) to the new model swapped in (update_end), in the edge's colour; for a model "
                + "pushed without an upload of this edge, from its arrival (receive).";
    }

    @Override
    public String needs() {
        return "<edge>/edge_inf.csv";
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        XYChart chart = ChartStyle.timeChart(title(), "Accuracy (% of frames correct)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        boolean drawn = false;
        for (int i = 0; i < logs.edges().size(); i++) {
            EdgeLogs edge = logs.edges().get(i);
            int span = 0;
            for (UpdateRow update : edge.updates()) {
                if (update.isSwap()) {
                    addSpan(chart, edge.name(), span++, clock.seconds(update.spanStart()),
                            clock.seconds(update.updateEnd()), logs.color(edge.name()));
                }
            }
        }
        for (int i = 0; i < logs.edges().size(); i++) {
            EdgeLogs edge = logs.edges().get(i);
            Points points = Points.of(edge.inference(), r -> clock.seconds(r.endTime()), r -> 100 * r.accuracy());
            if (!points.isEmpty()) {
                points.addLine(chart, edge.name(), logs.color(edge.name()), ChartStyle.SOLID);
                drawn = true;
            }
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }

    private static void addSpan(XYChart chart, String edge, int index, double start, double end, Color color) {
        double width = Math.max(end - start, 0.1);
        XYSeries span = chart.addSeries(edge + " update " + (index + 1),
                new double[] {start, start, start + width, start + width}, new double[] {0, 100, 100, 0});
        span.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        span.setMarker(SeriesMarkers.NONE);
        span.setFillColor(ChartStyle.translucent(color, 45));
        span.setLineColor(ChartStyle.translucent(color, 90));
        span.setLabel(edge + " updating");
        span.setShowInLegend(index == 0);
    }
}
