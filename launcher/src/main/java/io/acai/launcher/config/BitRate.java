package io.acai.launcher.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link rate, always converted to bits per second. Bit units, in any case: {@code bps}, {@code kbps},
 * {@code mbps}, {@code gbps} and their tc spellings {@code bit}, {@code kbit}, {@code mbit},
 * {@code gbit}. Byte units are written with a capital {@code B} before {@code ps} ({@code Bps},
 * {@code kBps}/{@code KBps}, {@code MBps}, {@code GBps}) or as words in any case ({@code byte},
 * {@code kbyte}, {@code mbyte}, {@code gbyte}), and count 8 bits. Prefixes are decimal (k = 1000).
 * Note that tc itself reads {@code mbps} as megabytes: this project does not.
 */
public final class BitRate {

    /** Regular expression the JSON Schema uses for rates; the parser accepts the same. */
    public static final String PATTERN =
            "^(?=[0-9.]*[1-9])([0-9]+(\\.[0-9]+)?|\\.[0-9]+) ?([kKmMgG]?Bps|[kKmMgG]?[bB][pP][sS]|[kKmMgG]?[bB][iI][tT]|[kKmMgG]?[bB][yY][tT][eE])$";
    public static final String EXPECTED = "a positive number with a unit like 100mbps, 500kbit or 2MBps";

    /** The slowest rate: 1 kbit/s (htb's rate tables hold nothing finer that a link could use). */
    public static final long MIN_BITS_PER_SECOND = 1_000;
    /** The fastest rate: 10 Gbit/s, the rate of the launcher's unlimited tc class; leave the rate out for no limit. */
    public static final long MAX_BITS_PER_SECOND = 10_000_000_000L;
    /** What a rate must lie in, for messages. */
    public static final String BOUNDS = "from 1kbit to 10gbit; leave the rate out for an unlimited link";

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);
    private static final Map<Character, Long> PREFIXES = Map.of('k', 1_000L, 'm', 1_000_000L, 'g', 1_000_000_000L);

    private BitRate() {
    }

    /** Bits per second of {@code text}; throws with {@link #EXPECTED} when it is not a rate. */
    public static long parseBitsPerSecond(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("is not a rate (expected: " + EXPECTED + ")");
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        String unit = matcher.group(3);
        boolean bytes = unit.endsWith("Bps") || unit.toLowerCase(Locale.ROOT).endsWith("byte");
        char first = Character.toLowerCase(unit.charAt(0));
        long multiplier = Math.multiplyExact(PREFIXES.getOrDefault(first, 1L), bytes ? 8L : 1L);
        BigDecimal bits = number.multiply(BigDecimal.valueOf(multiplier));
        if (bits.compareTo(BigDecimal.valueOf(MAX_BITS_PER_SECOND)) > 0) {
            throw new IllegalArgumentException("is too fast (expected: " + BOUNDS + ")");
        }
        if (bits.compareTo(BigDecimal.valueOf(MIN_BITS_PER_SECOND)) < 0) {
            throw new IllegalArgumentException("is too slow (expected: " + BOUNDS + ")");
        }
        return bits.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
