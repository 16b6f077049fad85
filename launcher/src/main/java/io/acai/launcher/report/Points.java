package io.acai.launcher.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The x and y values of one line, without the points where either is not a number. */
public record Points(double[] x, double[] y) {

    public static <T> Points of(List<T> rows, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        double[][] xy = rows.stream()
                .map(r -> new double[] {x.applyAsDouble(r), y.applyAsDouble(r)})
                .filter(p -> Double.isFinite(p[0]) && Double.isFinite(p[1]))
                .sorted((a, b) -> Double.compare(a[0], b[0]))
                .toArray(double[][]::new);
        double[] xs = new double[xy.length];
        double[] ys = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            xs[i] = xy[i][0];
            ys[i] = xy[i][1];
        }
        return new Points(xs, ys);
    }

    public boolean isEmpty() {
        return x.length == 0;
    }

    /** The running total of y, for counts that accumulate over time. */
    public Points cumulative() {
        double[] sums = new double[y.length];
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            total += y[i];
            sums[i] = total;
        }
        return new Points(x, sums);
    }

    /** Adds these points to the chart as a line without markers. */
    public XYSeries addLine(XYChart chart, String name, Color color, BasicStroke stroke) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(stroke);
        return series;
    }
}
