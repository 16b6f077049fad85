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

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);

    private CpuQuantity() {
    }

    /** Millicores of {@code text}; throws with {@link #EXPECTED} when it is not a CPU quantity. */
    public static long parseMillis(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("is not a CPU quantity (expected: " + EXPECTED + ")");
        }
        String value = text;
        if (value.endsWith("m")) {
            return Long.parseLong(value.substring(0, value.length() - 1));
        }
        return new BigDecimal(value).movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
