package io.acai.launcher.compare;

import io.acai.launcher.metrics.AccuracyCurve;
import io.acai.launcher.report.ChartStyle;
import java.util.List;
import java.util.function.Function;

/**
 * The rolling accuracy of a group of runs over time, on a common grid of seconds since each run started: at every
 * grid time, each run's value is the mean over its chosen edges of their curve's last point at or before that time
 * (an edge counts from its curve's first point to its last), and the band is the {@link MeanInterval} of the runs'
 * values there.
 *
 * @param seconds the grid
 * @param points  the runs' mean and interval at each grid time (n = 0 where no run has a value)
 */
record AccuracyBand(double[] seconds, List<MeanInterval> points) {

    /** The band of {@code runs} over {@code grid}, each run's edges chosen by {@code edges}. */
    static AccuracyBand of(List<ComparedRun> runs, Function<ComparedRun, List<AccuracyCurve>> edges, double[] grid) {
        List<MeanInterval> points = new java.util.ArrayList<>();
        for (double t : grid) {
            double[] values = runs.stream().mapToDouble(run -> edgeMean(edges.apply(run), t)).toArray();
            points.add(MeanInterval.of(values));
        }
        return new AccuracyBand(grid, List.copyOf(points));
    }

    /** {@code count + 1} times from 0 to {@code last} seconds. */
    static double[] grid(double last, int count) {
        double[] grid = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            grid[i] = last * i / count;
        }
        return grid;
    }

    /** The mean over the curves of their value at {@code t}; NaN when none covers it. */
    static double edgeMean(List<AccuracyCurve> curves, double t) {
        double sum = 0;
        int n = 0;
        for (AccuracyCurve curve : curves) {
            double value = at(curve, t);
            if (!Double.isNaN(value)) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The curve's last value at or before {@code t}; NaN before its first point or after its last. */
    static double at(AccuracyCurve curve, double t) {
        double[] x = curve.seconds();
        if (x.length == 0 || t > x[x.length - 1]) {
            return Double.NaN;
        }
        int index = ChartStyle.lastAtOrBefore(x, t);
        return index < 0 ? Double.NaN : curve.percent()[index];
    }

    boolean isEmpty() {
        return points.stream().allMatch(p -> p.n() == 0);
    }
}
