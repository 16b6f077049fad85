package io.acai.launcher.report;

import io.acai.launcher.metrics.Percentile;
import java.util.List;

/**
 * How one value spreads over a group of edges through time, on a common grid of seconds: at every grid time each
 * edge's value is its curve's last point at or before that time (an edge counts from its curve's first point to its
 * last), and the spread is the minimum, the 10th percentile, the median, the 90th percentile and the maximum of those
 * values, with how many edges had one (NaN where none had). An edge's last value holds for one of its longest
 * steps after its last point, so that edges whose windows end a little apart all count up to the end.
 */
public record EdgeSpread(double[] seconds, double[] min, double[] p10, double[] median, double[] p90, double[] max,
                         int[] edges) {

    /** The spread of {@code curves} (one per edge) at the times of {@code grid}. */
    public static EdgeSpread of(List<Points> curves, double[] grid) {
        int n = grid.length;
        double[] min = new double[n];
        double[] p10 = new double[n];
        double[] median = new double[n];
        double[] p90 = new double[n];
        double[] max = new double[n];
        int[] edges = new int[n];
        for (int i = 0; i < n; i++) {
            double t = grid[i];
            double[] values = curves.stream().mapToDouble(c -> at(c, t)).filter(v -> !Double.isNaN(v)).toArray();
            edges[i] = values.length;
            min[i] = Percentile.of(values, 0);
            p10[i] = Percentile.of(values, 0.1);
            median[i] = Percentile.of(values, 0.5);
            p90[i] = Percentile.of(values, 0.9);
            max[i] = Percentile.of(values, 1);
        }
        return new EdgeSpread(grid, min, p10, median, p90, max, edges);
    }

    /** {@code steps + 1} times from {@code first} to {@code last} seconds. */
    public static double[] grid(double first, double last, int steps) {
        double[] grid = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            grid[i] = first + (last - first) * i / steps;
        }
        return grid;
    }

    /**
     * The curve's last value at or before {@code t}; NaN before its first point or longer after its last than its
     * longest step between two points.
     */
    static double at(Points curve, double t) {
        double[] x = curve.x();
        if (x.length == 0 || t > x[x.length - 1] + longestStep(x)) {
            return Double.NaN;
        }
        int index = ChartStyle.lastAtOrBefore(x, t);
        return index < 0 ? Double.NaN : curve.y()[index];
    }

    private static double longestStep(double[] x) {
        double step = 0;
        for (int i = 1; i < x.length; i++) {
            step = Math.max(step, x[i] - x[i - 1]);
        }
        return step;
    }

    public boolean isEmpty() {
        return java.util.Arrays.stream(edges).allMatch(e -> e == 0);
    }
}
