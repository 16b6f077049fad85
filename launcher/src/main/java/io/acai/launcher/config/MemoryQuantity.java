package io.acai.launcher.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes memory quantity in bytes: a plain number ({@code 134217728}), a number with an
 * exponent ({@code 128e6}), or with a suffix, binary ({@code Ki Mi Gi Ti Pi Ei}, powers of 1024) or
 * decimal ({@code k M G T P E}, powers of 1000). Fractions round up to a whole byte.
 */
public final class MemoryQuantity {

    /** Regular expression the JSON Schema uses for memory strings; the parser accepts the same. */
    public static final String PATTERN = "^([0-9]+(\\.[0-9]+)?|\\.[0-9]+)([eE][0-9]+|Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$";
    public static final String EXPECTED = "bytes, or a number with Ki, Mi, Gi, Ti, k, M, G or T like 512Mi";

    /** The least memory a machine may get: 16 MiB, below which no JVM starts. */
    public static final long MIN_BYTES = 16L << 20;
    /** The most memory a machine may ask for: 16 TiB, more than any host has. */
    public static final long MAX_BYTES = 16L << 40;
    /** What a memory amount must lie in, for messages. */
    public static final String BOUNDS = "from 16Mi to 16Ti; leave memory out for no limit";

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("k", BigDecimal.TEN.pow(3)), Map.entry("M", BigDecimal.TEN.pow(6)),
            Map.entry("G", BigDecimal.TEN.pow(9)), Map.entry("T", BigDecimal.TEN.pow(12)),
            Map.entry("P", BigDecimal.TEN.pow(15)), Map.entry("E", BigDecimal.TEN.pow(18)));

    private MemoryQuantity() {
    }

    /** Bytes of {@code text}; throws with {@link #EXPECTED} when it is not a memory quantity. */
    public static long parseBytes(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("is not a memory quantity (expected: " + EXPECTED + ")");
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(3);
        if (suffix != null) {
            if (suffix.matches("[eE][0-9]+")) {
                // an exponent above 30 makes any number larger than the bound: refused without parsing it as an int
                String exponent = suffix.substring(1).replaceFirst("^0+(?=.)", "");
                number = number.scaleByPowerOfTen(exponent.length() > 2 ? 99 : Integer.parseInt(exponent));
            } else {
                number = number.multiply(SUFFIXES.get(suffix));
            }
        }
        if (number.compareTo(BigDecimal.valueOf(MAX_BYTES)) > 0) {
            throw new IllegalArgumentException("is too large (expected: " + BOUNDS + ")");
        }
        if (number.compareTo(BigDecimal.valueOf(MIN_BYTES)) < 0) {
            throw new IllegalArgumentException("is too small (expected: " + BOUNDS + ")");
        }
        return number.setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
