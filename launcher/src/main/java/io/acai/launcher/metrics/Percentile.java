package io.acai.launcher.metrics;

import java.util.Arrays;

/**
 * A percentile with linear interpolation between the closest ranks (numpy's default): for {@code n} sorted values
 * and a fraction {@code p}, the value at position {@code p x (n - 1)}.
 */
public final class Percentile {

    private Percentile() {
    }

    /**
     * @param p a fraction, 0 to 1 (0.5 for the median)
     * @return NaN when there are no values
     */
    public static double of(double[] values, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p: " + p + " (expected: a fraction from 0 to 1)");
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = p * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
