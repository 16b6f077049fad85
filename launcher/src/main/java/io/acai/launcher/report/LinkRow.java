package io.acai.launcher.report;

import java.util.List;

/** One line of {@code links.csv}: a shaped direction, configured and measured. Blank measurements are NaN. */
public record LinkRow(String from, String to, double configuredMbps, double measuredMbps, double configuredRttMs,
                      double measuredRttMs) {

    public static final RowParser<LinkRow> PARSER = new RowParser<>() {
        @Override
        public List<String> columns() {
            return List.of("from", "to", "configured_mbps", "measured_mbps", "configured_rtt_ms", "measured_rtt_ms");
        }

        @Override
        public LinkRow parse(CsvRecord r) {
            return new LinkRow(r.text("from"), r.text("to"), r.number("configured_mbps"), r.number("measured_mbps"),
                    r.number("configured_rtt_ms"), r.number("measured_rtt_ms"));
        }
    };

    /** {@code from→to}. */
    public String name() {
        return from + "\u2192" + to;
    }
}
