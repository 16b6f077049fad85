package io.acai.launcher.compare;

import io.acai.launcher.report.AccuracyChart;
import io.acai.launcher.report.ChartStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy over time, one band per setting: the {@value AccuracyChart#ROLLING_SECONDS} s rolling accuracy averaged
 * over each run's learning edges, then over the setting's repeats (the line) with its 95 % confidence interval (the
 * shaded band, where two runs or more have a value), and the same for the static controls of every run, in grey,
 * dashed.
 */
final class AccuracyBandChart implements ComparisonChart {

    /** Grid steps from 0 to the last second of the longest run. */
    static final int STEPS = 240;
    private static final Color CONTROL = new Color(90, 90, 90);
    private static final BasicStroke CONTROL_LINE = new BasicStroke(3.0f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    @Override
    public String fileName() {
        return "accuracy-over-time.png";
    }

    @Override
    public String title() {
        return "Accuracy over time per setting";
    }

    @Override
    public String caption() {
        return "Lines: the share of correct frames over the last " + (int) AccuracyChart.ROLLING_SECONDS + " s, "
                + "averaged over each run's learning edges, then over the setting's runs, in seconds since each run "
                + "started. Shaded: the 95 % confidence interval over the runs (Student's t), where two or more runs "
                + "have a value. Grey, dashed: the static controls of all the runs (the same frames with the starting "
                + "model, never updated), with their band.";
    }

    @Override
    public Optional<Chart<?, ?>> draw(Comparison comparison) {
        double last = comparison.runs().stream().mapToDouble(ComparedRun::lastSecond).max().orElse(0);
        if (!(last > 0)) {
            return Optional.empty();
        }
        double[] grid = AccuracyBand.grid(last, STEPS);
        XYChart chart = ChartStyle.xyChart(title(), "Time since run start (s)", "Accuracy (% of frames correct, "
                + "rolling " + (int) AccuracyChart.ROLLING_SECONDS + " s)");
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        boolean drawn = false;
        List<Setting> settings = comparison.settings();
        for (int i = 0; i < settings.size(); i++) {
            AccuracyBand band = AccuracyBand.of(settings.get(i).runs(), ComparedRun::learningCurves, grid);
            drawn |= add(chart, settings.get(i).shortLabel(settings), band, ChartStyle.color(i), ChartStyle.BOLD);
        }
        AccuracyBand controls = AccuracyBand.of(comparison.runs(), ComparedRun::controlCurves, grid);
        drawn |= add(chart, "static controls (all settings)", controls, CONTROL, CONTROL_LINE);
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }

    /** The band's line and shaded interval; false when it has no point. */
    private static boolean add(XYChart chart, String name, AccuracyBand band, Color color, BasicStroke stroke) {
        if (band.isEmpty()) {
            return false;
        }
        List<double[]> segment = new ArrayList<>();
        int segments = 0;
        for (int i = 0; i <= band.seconds().length; i++) {
            MeanInterval point = i < band.seconds().length ? band.points().get(i) : null;
            if (point != null && point.hasInterval()) {
                segment.add(new double[] {band.seconds()[i], point.low(), point.high()});
            } else if (!segment.isEmpty()) {
                ChartStyle.band(chart, name + " band " + (++segments), segment, color);
                segment.clear();
            }
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < band.seconds().length; i++) {
            if (band.points().get(i).n() > 0) {
                xs.add(band.seconds()[i]);
                ys.add(band.points().get(i).mean());
            }
        }
        XYSeries line = chart.addSeries(name, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setLineStyle(stroke);
        return true;
    }
}
