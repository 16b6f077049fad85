package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code summary.csv}: one learning or consumption metric of one machine, computed by the launcher from
 * the other run files at the end of a run (and by {@code report}). The metrics, their units and definitions are in
 * {@code docs/metrics.md}. A metric that cannot be given has a blank value and says why in {@code note}, for
 * example {@code not recovered} or {@code not measured: no control}.
 *
 * @param machine the machine's name
 * @param metric  the metric's stable snake_case name, for example {@code accuracy_before_drift}
 * @param value   the value in {@code unit}; NaN (blank) when not measured
 * @param unit    the value's unit, for example {@code %}, {@code points}, {@code s}, {@code bytes}
 * @param note    why the value is blank, or what it was measured against; empty otherwise
 */
public record SummaryRow(String machine, String metric, double value, String unit, String note) {

    public static final TextColumn MACHINE = TextColumn.text("machine").asRequired().nonBlank("a machine name");
    public static final TextColumn METRIC = TextColumn.text("metric").asRequired().nonBlank("a metric name");
    public static final NumberColumn VALUE = NumberColumn.decimal("value", Unit.NONE, 3).asRequired();
    public static final TextColumn UNIT = TextColumn.text("unit");
    public static final TextColumn NOTE = TextColumn.text("note");

    public static final CsvSchema<SummaryRow> SCHEMA = CsvSchema.<SummaryRow>file("summary.csv")
            .text(MACHINE, SummaryRow::machine)
            .text(METRIC, SummaryRow::metric)
            .number(VALUE, SummaryRow::value)
            .text(UNIT, SummaryRow::unit)
            .text(NOTE, SummaryRow::note)
            .reading(v -> new SummaryRow(v.get(MACHINE), v.get(METRIC), v.get(VALUE), v.get(UNIT), v.get(NOTE)));

    /** Whether the metric has a value. */
    public boolean measured() {
        return !Double.isNaN(value);
    }
}
