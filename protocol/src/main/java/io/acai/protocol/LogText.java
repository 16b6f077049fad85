package io.acai.protocol;

/**
 * A value a peer sent (an edge id, a reason, an error message), made safe for a one-line log: control
 * characters, line and paragraph separators and the backslash are escaped ({@code \n}, {@code \r},
 * {@code \t}, {@code \\}, the others as a Java Unicode escape), so a value can never end a log line or forge another; and
 * a value longer than {@value #MAX_CHARS} characters is cut, with the number of characters left out.
 *
 * <pre>
 * LogText.escape("edge-1\n2026-01-01T00:00:00Z INFO forged")  // edge-1\n2026-01-01T00:00:00Z INFO forged, one line
 * </pre>
 */
public final class LogText {

    /** The most characters of a value kept. */
    public static final int MAX_CHARS = 200;

    private LogText() {
    }

    /** {@code value} escaped and cut; {@code "null"} for null. */
    public static String escape(String value) {
        if (value == null) {
            return "null";
        }
        int kept = Math.min(value.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(kept + 16);
        for (int i = 0; i < kept; i++) {
            append(out, value.charAt(i));
        }
        if (kept < value.length()) {
            out.append("...(").append(value.length() - kept).append(" more chars)");
        }
        return out.toString();
    }

    /** {@code String.valueOf(value)} escaped and cut, for an exception whose message a peer may have shaped. */
    public static String escape(Object value) {
        return escape(String.valueOf(value));
    }

    private static void append(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }
}
