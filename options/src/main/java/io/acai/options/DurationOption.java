package io.acai.options;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations on the apps' command lines: the launcher config's form ({@link TimeSpan}: {@code 200ms},
 * {@code 5m}, {@code 1m30s}), a bare number of seconds ({@code 90}, {@code 2.5}), a unit after a space
 * ({@code 5 m}) or ISO-8601 ({@code PT1M}).
 */
public final class DurationOption implements ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.strip();
        if (v.matches(TimeSpan.PATTERN)) {
            return TimeSpan.parse(v);
        }
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> amount;
                case "m" -> amount * 60_000;
                case "h" -> amount * 3_600_000;
                default -> amount * 1000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
        Duration parsed;
        try {
            parsed = Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' (expected: a duration like 200ms, 90s, 5m, 1m30s or PT1M)");
        }
        if (parsed.isNegative()) {
            throw new TypeConversionException("'" + value + "' (expected: a duration of 0 or more)");
        }
        return parsed;
    }
}
