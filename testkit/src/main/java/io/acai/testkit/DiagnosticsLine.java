package io.acai.testkit;

import java.util.regex.Pattern;

/**
 * The apps' and the launcher's diagnostics line, as their {@code simplelogger.properties} has it:
 * {@code <ISO time> <LEVEL> <logger> - <text>}, for example
 * {@code 2026-12-06T22:31:04.512Z WARN CloudCommand - relay 10.0.0.1:9000: refusing 10.0.0.9}.
 */
public final class DiagnosticsLine {

    /** An ISO-8601 time with milliseconds and an offset: {@code 2026-12-06T22:31:04.512+01:00} or {@code ...Z}. */
    public static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})";

    private DiagnosticsLine() {
    }

    /** The regular expression of one whole line, its line break included; logger and text are matched literally. */
    public static String pattern(String level, String logger, String text) {
        return TIME + " " + level + " " + Pattern.quote(logger) + " - " + Pattern.quote(text) + "\\R";
    }
}
