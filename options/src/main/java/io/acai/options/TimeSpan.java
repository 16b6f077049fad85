package io.acai.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration written as one or more numbers with units, largest first: {@code 200ms}, {@code 1.5s},
 * {@code 5m}, {@code 1h30m}, {@code 250us}. Units: {@code h}, {@code m}, {@code s}, {@code ms},
 * {@code us} (or {@code µs}).
 */
public final class TimeSpan {

    private static final String PART = "([0-9]+(\\.[0-9]+)?|\\.[0-9]+)(h|ms|m|s|us|µs)";
    /** Regular expression the JSON Schema uses for durations; the parser accepts the same. */
    public static final String PATTERN = "^(" + PART + ")+$";
    /** The same for durations that must not be zero (an experiment's duration and sample period). */
    public static final String POSITIVE_PATTERN = "^(?=[^1-9]*[1-9])(" + PART + ")+$";
    public static final String EXPECTED = "a number with a unit like 200ms, 10s, 5m or 1m30s";

    /** The longest duration read: 100,000 hours (11 years), far below what a {@code long} of nanoseconds holds. */
    public static final Duration MAX = Duration.ofHours(100_000);
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(MAX.toNanos());
    private static final String MAX_TEXT = "100000h";

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);
    private static final Pattern PARTS = Pattern.compile(PART);
    private static final Map<String, Long> NANOS = Map.of("h", 3_600_000_000_000L, "m", 60_000_000_000L,
            "s", 1_000_000_000L, "ms", 1_000_000L, "us", 1_000L, "µs", 1_000L);

    private TimeSpan() {
    }

    /** The duration of {@code text}; throws with {@link #EXPECTED} when it is not one. */
    public static Duration parse(String text) {
        String value = text;
        if (!SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("is not a duration (expected: " + EXPECTED + ")");
        }
        Matcher part = PARTS.matcher(value);
        BigDecimal nanos = BigDecimal.ZERO;
        while (part.find()) {
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(3)))));
            // checked as it grows, so that no sum of any length costs more than this comparison
            if (nanos.compareTo(MAX_NANOS) > 0) {
                throw new IllegalArgumentException("is too long (expected: at most " + MAX_TEXT + ")");
            }
        }
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** {@code duration} written the way this class reads it, in the largest exact units: {@code 5m}, {@code 1m30s}, {@code 250ms}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long nanos = duration.toNanos();
        for (String unit : new String[] {"h", "m", "s", "ms", "us"}) {
            long size = NANOS.get(unit);
            if (nanos >= size) {
                out.append(nanos / size).append(unit);
                nanos %= size;
            }
        }
        return out.toString();
    }
}
