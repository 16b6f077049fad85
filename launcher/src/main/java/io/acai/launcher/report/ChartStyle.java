package io.acai.launcher.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look shared by every chart of the report: size, fonts, colours, legend outside the plot. */
public final class ChartStyle {

    public static final int WIDTH = 1100;
    public static final int HEIGHT = 520;

    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(255, 127, 14),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207),
    };

    public static final BasicStroke SOLID = new BasicStroke(2.2f);
    public static final BasicStroke BOLD = new BasicStroke(3.2f);
    public static final BasicStroke THIN = new BasicStroke(1.0f);
    public static final BasicStroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);

    private ChartStyle() {
    }

    /** The colour of the i-th machine or series; repeats after ten. */
    public static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** A colour with the given opacity, 0..255. */
    public static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** A line chart over time: x axis in seconds since the experiment started. */
    public static XYChart timeChart(String title, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("Time since experiment start (s)").yAxisTitle(yAxisTitle).build();
        apply(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    /** A line or point chart with a numeric x axis titled {@code xAxisTitle}. */
    public static XYChart xyChart(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        apply(chart.getStyler());
        return chart;
    }

    /** A bar chart with one bar (or stack) per category. */
    public static CategoryChart barChart(String title, String xAxisTitle, String yAxisTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        apply(chart.getStyler());
        chart.getStyler().setSeriesColors(PALETTE);
        chart.getStyler().setAvailableSpaceFill(0.7);
        return chart;
    }

    /**
     * Makes XChart choose round tick steps for a time chart. When all the values on an axis are equally spaced
     * (frames counted in tens, samples every 10 s), XChart puts a tick on every value it can fit, which crowds the
     * axis (knowm/XChart#731). One invisible point inside the data's range breaks the equal spacing and changes
     * neither the range nor the picture.
     */
    public static XYChart withRoundTicks(XYChart chart) {
        if (chart.getSeriesMap().isEmpty()) {
            return chart;
        }
        double xMin = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getXMin).min().orElse(0);
        double xMax = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getXMax).max().orElse(0);
        double yMin = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getYMin).min().orElse(0);
        double yMax = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getYMax).max().orElse(0);
        XYSeries hidden = chart.addSeries(" ", new double[] {xMin + 0.5123 * (xMax - xMin)},
                new double[] {yMin + 0.4871 * (yMax - yMin)});
        hidden.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        hidden.setMarker(SeriesMarkers.NONE);
        hidden.setLineColor(new Color(0, 0, 0, 0));
        hidden.setShowInLegend(false);
        return chart;
    }

    private static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setChartTitleBoxVisible(false);
        styler.setAntiAlias(true);
        styler.setPlotMargin(8);
    }

    /**
     * A shaded band between a lower and an upper line, left out of the legend: {@code segment} holds
     * {@code {x, low, high}} points in x order.
     */
    public static void band(XYChart chart, String name, List<double[]> segment, Color color) {
        int n = segment.size();
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = segment.get(i)[0];
            y[i] = segment.get(i)[2];
            x[2 * n - 1 - i] = segment.get(i)[0];
            y[2 * n - 1 - i] = segment.get(i)[1];
        }
        XYSeries band = chart.addSeries(name, x, y);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(translucent(color, 55));
        band.setLineColor(translucent(color, 0));
        band.setLineStyle(THIN);
        band.setShowInLegend(false);
    }

    /** The index of the last of the ascending {@code x} at or before {@code t}; -1 when {@code t} is before them all. */
    public static int lastAtOrBefore(double[] x, double t) {
        if (x.length == 0 || t < x[0]) {
            return -1;
        }
        int low = 0;
        int high = x.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (x[mid] <= t) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
