package io.acai.scenes;

/**
 * A table of standard normal quantiles at {@code (i + 0.5) / 4096}: indexing it with 12 uniform
 * random bits draws a Gaussian sample (tails cut at about 3.5 sigma), many times faster than
 * {@code nextGaussian} and the same on every JVM.
 */
final class NormalQuantiles {

    static final int SIZE = 1 << 12;
    static final int MASK = SIZE - 1;

    private static final float[] TABLE = new float[SIZE];

    static {
        for (int i = 0; i < SIZE; i++) {
            TABLE[i] = (float) quantile((i + 0.5) / SIZE);
        }
    }

    private NormalQuantiles() {
    }

    /** The sample for 12 random bits (the low 12 bits of {@code bits}). */
    static float sample(int bits) {
        return TABLE[bits & MASK];
    }

    /** The table times {@code sigma}, rounded to whole levels: noise to add to 8-bit values. */
    static int[] scaled(double sigma) {
        int[] levels = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            levels[i] = (int) Math.round(TABLE[i] * sigma);
        }
        return levels;
    }

    /** The inverse of the standard normal CDF, Acklam's rational approximation (relative error below 1.2e-9). */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p: " + p + " (expected: 0 < p < 1)");
        }
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -quantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
