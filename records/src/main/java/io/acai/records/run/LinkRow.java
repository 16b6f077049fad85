package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code links.csv}: a shaped direction, configured and measured, written by the local and the Kubernetes runtime. A
 * configured rate of 0 means unlimited; a blank measurement is NaN.
 *
 * @param configuredMbps  configured rate, Mbit/s
 * @param measuredMbps    measured rate, Mbit/s
 * @param configuredRttMs configured round trip, ms
 * @param measuredRttMs   measured round trip, ms
 */
public record LinkRow(String from, String to, double configuredMbps, double measuredMbps, double configuredRttMs,
                      double measuredRttMs) {

    public static final TextColumn FROM = TextColumn.text("from").asRequired();
    public static final TextColumn TO = TextColumn.text("to").asRequired();
    public static final NumberColumn CONFIGURED_MBPS = NumberColumn.decimal("configured_mbps", Unit.MBIT_PER_S, 3);
    public static final NumberColumn MEASURED_MBPS = NumberColumn.decimal("measured_mbps", Unit.MBIT_PER_S, 3);
    public static final NumberColumn CONFIGURED_RTT_MS = NumberColumn.decimal("configured_rtt_ms", Unit.MS, 3);
    public static final NumberColumn MEASURED_RTT_MS = NumberColumn.decimal("measured_rtt_ms", Unit.MS, 3);

    public static final CsvSchema<LinkRow> SCHEMA = CsvSchema.<LinkRow>file("links.csv")
            .text(FROM, LinkRow::from)
            .text(TO, LinkRow::to)
            .number(CONFIGURED_MBPS, LinkRow::configuredMbps)
            .number(MEASURED_MBPS, LinkRow::measuredMbps)
            .number(CONFIGURED_RTT_MS, LinkRow::configuredRttMs)
            .number(MEASURED_RTT_MS, LinkRow::measuredRttMs)
            .reading(v -> new LinkRow(v.get(FROM), v.get(TO), v.get(CONFIGURED_MBPS), v.get(MEASURED_MBPS),
                    v.get(CONFIGURED_RTT_MS), v.get(MEASURED_RTT_MS)));

    /** {@code from→to}. */
    public String name() {
        return from + "\u2192" + to;
    }
}
