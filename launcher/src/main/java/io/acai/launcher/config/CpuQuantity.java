package io.acai.launcher.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes CPU quantity: a number of cores ({@code 2}, {@code 0.5}) or of millicores
 * ({@code 500m}). JSON numbers are cores too.
 */
public final class CpuQuantity {

    /** Regular expression the JSON Schema uses for CPU strings; the parser accepts the same. */
    public static final String PATTERN = "^([0-9]+(\\.[0-9]+)?|\\.[0-9]+|[0-9]+m)$";
    public static final String EXPECTED = "a number of cores or millicores like 2, 0.5 or 500m";
    /** The least CPU a machine may get: a cgroup's smallest quota, 1 ms of every 100 ms period. */
    public static final long MIN_MILLIS = 10;
    /** The most CPU a machine may ask for: 1024 cores, more than any host has. */
    public static final long MAX_MILLIS = 1024_000;
    /** What a CPU amount must lie in, for messages. */
    public static final String BOUNDS = "from 10m to 1024 cores; leave cpu out for no limit";

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);

    private CpuQuantity() {
    }

    /** Millicores of {@code text}; throws with {@link #EXPECTED} when it is not a CPU quantity. */
    public static long parseMillis(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("is not a CPU quantity (expected: " + EXPECTED + ")");
        }
        BigDecimal millis = text.endsWith("m") ? new BigDecimal(text.substring(0, text.length() - 1))
                : new BigDecimal(text).movePointRight(3);
        // compared before any rounding: a value of any size is refused without arithmetic that could overflow
        if (millis.compareTo(BigDecimal.valueOf(MIN_MILLIS)) < 0 || millis.compareTo(BigDecimal.valueOf(MAX_MILLIS)) > 0) {
            throw new IllegalArgumentException("is out of bounds (expected: " + BOUNDS + ")");
        }
        return millis.setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
