package io.acai.edge.infer;

import java.time.Duration;

/**
 * The distribution of the time requests waited in the queue, every request counted, in bounded memory: buckets of
 * width growing by 2<sup>1/8</sup> (about 9 %) from 1 microsecond up, so a quantile is exact to within 9 % whatever
 * the run's length (the CSV's 10-frame means hide a slow frame among fast ones; this does not). Written by the
 * inference thread, read by any. Thread-safe.
 */
public final class WaitHistogram {

    private static final int STEPS_PER_DOUBLING = 8;
    private static final int BUCKETS = 40 * STEPS_PER_DOUBLING;
    /** The largest whole number of microseconds each bucket holds; the last one holds everything above. */
    private static final long[] UPPER_MICROS = new long[BUCKETS];

    static {
        for (int i = 0; i < BUCKETS; i++) {
            UPPER_MICROS[i] = Math.max(i == 0 ? 0 : UPPER_MICROS[i - 1],
                    (long) Math.ceil(Math.pow(2, (i + 1) / (double) STEPS_PER_DOUBLING)) - 2);
        }
        UPPER_MICROS[BUCKETS - 1] = Long.MAX_VALUE / 1000;
    }

    private final long[] counts = new long[BUCKETS];
    private long total;

    /** Counts one wait. */
    public synchronized void add(long waitNanos) {
        counts[bucket(Math.max(0, waitNanos) / 1000)]++;
        total++;
    }

    /** Waits counted so far. */
    public synchronized long count() {
        return total;
    }

    /**
     * The upper bound of the bucket holding the {@code q}-quantile of the waits counted (the nearest-rank
     * definition), or zero when none was counted.
     *
     * @param q between 0 and 1
     */
    public synchronized Duration quantile(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile " + q + " is not between 0 and 1");
        }
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Duration.ofNanos(upperMicros(i) * 1000);
            }
        }
        return Duration.ofNanos(upperMicros(BUCKETS - 1) * 1000);
    }

    /** The first bucket whose upper bound is at least {@code micros}. */
    static int bucket(long micros) {
        int found = java.util.Arrays.binarySearch(UPPER_MICROS, micros);
        if (found >= 0) {
            while (found > 0 && UPPER_MICROS[found - 1] == micros) {
                found--;
            }
            return found;
        }
        return Math.min(BUCKETS - 1, -found - 1);
    }

    /** The largest whole number of microseconds that falls in bucket {@code i}. */
    static long upperMicros(int i) {
        return UPPER_MICROS[i];
    }
}
