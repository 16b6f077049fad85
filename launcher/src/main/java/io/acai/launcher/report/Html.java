package io.acai.launcher.report;

import java.util.Locale;

/** Escaping, number formatting and the page frame of the HTML pages ({@code report.html}, {@code compare.html}). */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
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
    public static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share) : "\u2013";
    }

    public static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "\u2013";
    }

    public static String kib(double bytes) {
        return Double.isFinite(bytes) ? String.format(Locale.ROOT, "%,.1f KiB", bytes / 1024.0) : "\u2013";
    }

    /** The page's start up to its {@code <body>}: the title and the style sheet every page shares. */
    public static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n"
                + "body{font-family:sans-serif;max-width:1180px;margin:1em auto;color:#222}\n"
                + "table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
                + "th,td{border:1px solid #ccc;padding:3px 9px;text-align:right}\n"
                + "th{background:#f2f2f2}td:first-child,th:first-child{text-align:left}\n"
                + "td.note{color:#777;font-size:90%}\n"
                + ".missing{background:#fff4e5;border:1px solid #f0a040;padding:.5em 1em}\n"
                + "img{max-width:100%;border:1px solid #ddd}figcaption{color:#555;margin-bottom:2em}\n"
                + "</style>\n</head>\n<body>\n";
    }

    /** A chart: its heading, its PNG at {@code href} and its caption. */
    public static String figure(String title, String href, String caption) {
        return "<figure>\n<h2>" + escape(title) + "</h2>\n<img src=\"" + href + "\" alt=\"" + escape(title)
                + "\">\n<figcaption>" + escape(caption) + "</figcaption>\n</figure>\n";
    }
}
