package io.acai.launcher.compare;

import java.util.Arrays;

/**
 * The mean of a few values (one per repeat) with its 95 % confidence interval: mean +- t(0.975, n-1) x s / sqrt(n),
 * s the sample standard deviation (n - 1 in the denominator), t from {@link StudentT}. With one value there is no
 * interval ({@code low} and {@code high} are NaN) and {@link #note()} says so; with none the mean is NaN too.
 *
 * @param n    how many values
 * @param mean their mean; NaN when n is 0
 * @param low  the interval's lower end; NaN when n &lt; 2
 * @param high its upper end; NaN when n &lt; 2
 */
public record MeanInterval(int n, double mean, double low, double high) {

    /** The interval of the finite values among {@code values} (NaN ones are left out). */
    public static MeanInterval of(double... values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = finite.length;
        if (n == 0) {
            return new MeanInterval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(finite).sum() / n;
        if (n == 1) {
            return new MeanInterval(1, mean, Double.NaN, Double.NaN);
        }
        double squares = Arrays.stream(finite).map(v -> (v - mean) * (v - mean)).sum();
        double half = StudentT.critical95(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new MeanInterval(n, mean, mean - half, mean + half);
    }

    public boolean hasInterval() {
        return n >= 2;
    }

    /** Half the interval's width; 0 when there is no interval. */
    public double halfWidth() {
        return hasInterval() ? (high - low) / 2 : 0;
    }

    /** Why the interval or the mean is missing, or empty. */
    public String note() {
        return n == 0 ? "not measured in any run" : n == 1 ? "n=1: no interval" : "";
    }
}
