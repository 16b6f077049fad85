package io.acai.launcher.report;

import java.util.Locale;

/** Escaping and number formatting for the HTML report. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A share as a percentage with one decimal, or an en dash when unknown. */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "\u2013";
    }

    static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "\u2013";
    }

    static String kib(double bytes) {
        return Double.isFinite(bytes) ? String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024.0) : "\u2013";
    }
}
