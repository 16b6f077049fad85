package io.acai.launcher.report;

import io.acai.records.run.HoldoutRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The cloud's held-out scores by model version ({@code <cloud>/holdout.csv}): one line for the pre-drift frames and
 * one for the drift frames, in % of frames judged right. A pre-drift line that falls from the first version is
 * forgetting; a drift line that rises is what retraining learned.
 */
public final class HoldoutAccuracyChart implements ReportChart {

    @Override
    public String fileName() {
        return "holdout_accuracy.png";
    }

    @Override
    public String title() {
        return "Held-out accuracy by model version";
    }

    @Override
    public String caption() {
        return "Share of the cloud's held-out frames judged right (as the edges judge theirs) by the version the cloud "
                + "started with and by every version it pushed: pre-drift frames (a fall from the first version is "
                + "forgetting) and drift frames (a rise is what retraining learned). The frames are the same for "
                + "every version and come from a camera no edge is.";
    }

    @Override
    public String needs() {
        return "<cloud>/" + HoldoutRow.SCHEMA.fileName();
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        XYChart chart = ChartStyle.timeChart(title(), "Accuracy (% of held-out frames correct)");
        chart.setXAxisTitle("Model version");
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setMarkerSize(8);
        boolean drawn = false;
        boolean severalClouds = logs.clouds().size() > 1;
        for (CloudLogs cloud : logs.clouds()) {
            String prefix = severalClouds ? cloud.name() + " " : "";
            drawn |= add(chart, prefix + "pre-drift frames", rows(cloud.holdout(), true), ChartStyle.color(0),
                    ChartStyle.SOLID);
            drawn |= add(chart, prefix + "drift frames", rows(cloud.holdout(), false), ChartStyle.color(1),
                    ChartStyle.DASHED);
        }
        return drawn ? Optional.of(chart) : Optional.empty();
    }

    private static List<HoldoutRow> rows(List<HoldoutRow> rows, boolean preDrift) {
        return rows.stream().filter(r -> r.preDrift() == preDrift).toList();
    }

    private static boolean add(XYChart chart, String name, List<HoldoutRow> rows, Color color, BasicStroke stroke) {
        Points points = Points.of(rows, r -> version(r.modelVersion()), r -> 100 * r.accuracy());
        if (points.isEmpty()) {
            return false;
        }
        XYSeries series = points.addLine(chart, name, color, stroke);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setMarkerColor(color);
        return true;
    }

    /** The version's number, NaN when it is not one (such a row is left out). */
    static double version(String modelVersion) {
        try {
            return Integer.parseInt(modelVersion.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
