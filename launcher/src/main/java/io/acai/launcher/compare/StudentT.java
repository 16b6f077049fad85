package io.acai.launcher.compare;

/**
 * The two-sided 95 % critical values of Student's t distribution, t(0.975, df), for the confidence interval of a
 * mean over a few repeats: written out for 1 to 30 degrees of freedom and for 40, 60, 120 and infinity (the normal
 * 1.960), from the standard tables; between 30 and infinity interpolated linearly in 1/df, as the tables advise.
 */
public final class StudentT {

    /** t(0.975, df) for df = 1 .. 30. */
    private static final double[] UP_TO_30 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    };
    /** Degrees of freedom above 30 in the tables, and their values; the last is infinity. */
    private static final double[] LARGE_DF = {30, 40, 60, 120, Double.POSITIVE_INFINITY};
    private static final double[] LARGE_T = {2.042, 2.021, 2.000, 1.980, 1.960};

    private StudentT() {
    }

    /**
     * t(0.975, df): the half-width of a 95 % confidence interval of a mean of {@code df + 1} values is this times
     * the standard error.
     *
     * @throws IllegalArgumentException when {@code df} is below 1
     */
    public static double critical95(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom: " + df + " (expected: >= 1, two values or more)");
        }
        if (df <= UP_TO_30.length) {
            return UP_TO_30[df - 1];
        }
        double inverse = 1.0 / df;
        for (int i = 1; i < LARGE_DF.length; i++) {
            if (df <= LARGE_DF[i]) {
                double from = 1.0 / LARGE_DF[i - 1];
                double to = 1.0 / LARGE_DF[i];
                return LARGE_T[i - 1] + (LARGE_T[i] - LARGE_T[i - 1]) * (from - inverse) / (from - to);
            }
        }
        throw new AssertionError("the last degree of freedom is infinite");
    }
}
