package io.acai.launcher.config;

import java.util.regex.Pattern;

/** Packet loss of a link written as a string with {@code %} ({@code "2.5%"}); a JSON number ({@code 2.5}) means the same. */
final class LossPercent {

    /** Regular expression the JSON Schema uses for loss strings; the parser accepts the same. */
    static final String PATTERN = "^(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?|\\.[0-9]+)%$";
    static final String EXPECTED = "a percentage from 0 to 100 like 2.5 or \"2.5%\"";

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);

    private LossPercent() {
    }

    static double parse(String text) {
        String value = text;
        if (!SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("is not a loss (expected: " + EXPECTED + ")");
        }
        double loss = Double.parseDouble(value.substring(0, value.length() - 1));
        if (loss > 100) {
            throw new IllegalArgumentException("is above 100% (expected: " + EXPECTED + ")");
        }
        return loss;
    }
}
