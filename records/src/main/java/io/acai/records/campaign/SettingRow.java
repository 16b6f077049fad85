package io.acai.records.campaign;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code campaign_settings.csv}, written by {@code launcher compare} next to {@code campaign.csv}: one
 * metric of one setting over its runs. Each run gives one value (the mean over its machines that measured the
 * metric, static controls left out); {@code mean} is their mean and {@code ci_low}..{@code ci_high} its 95 %
 * confidence interval (Student's t with {@code runs - 1} degrees of freedom), blank when only one run measured it.
 *
 * @param setting    the setting's label, as in {@code campaign.csv}
 * @param parameters the setting's parameter values, as in {@code campaign.csv}
 * @param metric     the metric's stable name
 * @param unit       the metric's unit
 * @param runs       how many of the setting's runs measured the metric (n)
 * @param of         how many runs the setting has
 * @param mean       the mean of the runs' values; NaN (blank) when none measured it
 * @param ciLow      the lower end of the 95 % confidence interval; NaN (blank) when n &lt; 2
 * @param ciHigh     the upper end; NaN (blank) when n &lt; 2
 * @param note       why there is no interval or no mean, for example {@code n=1: no interval}
 */
public record SettingRow(String setting, String parameters, String metric, String unit, double runs, double of,
                         double mean, double ciLow, double ciHigh, String note) {

    public static final TextColumn SETTING = TextColumn.text("setting").asRequired().nonBlank("a setting's label");
    public static final TextColumn PARAMETERS = TextColumn.text("parameters");
    public static final TextColumn METRIC = TextColumn.text("metric").asRequired().nonBlank("a metric name");
    public static final TextColumn UNIT = TextColumn.text("unit");
    public static final NumberColumn RUNS = NumberColumn.count("runs").asRequired();
    public static final NumberColumn OF = NumberColumn.count("of");
    public static final NumberColumn MEAN = NumberColumn.decimal("mean", Unit.NONE, 3).asRequired();
    public static final NumberColumn CI_LOW = NumberColumn.decimal("ci_low", Unit.NONE, 3);
    public static final NumberColumn CI_HIGH = NumberColumn.decimal("ci_high", Unit.NONE, 3);
    public static final TextColumn NOTE = TextColumn.text("note");

    public static final CsvSchema<SettingRow> SCHEMA = CsvSchema.<SettingRow>file("campaign_settings.csv")
            .text(SETTING, SettingRow::setting)
            .text(PARAMETERS, SettingRow::parameters)
            .text(METRIC, SettingRow::metric)
            .text(UNIT, SettingRow::unit)
            .number(RUNS, SettingRow::runs)
            .number(OF, SettingRow::of)
            .number(MEAN, SettingRow::mean)
            .number(CI_LOW, SettingRow::ciLow)
            .number(CI_HIGH, SettingRow::ciHigh)
            .text(NOTE, SettingRow::note)
            .reading(v -> new SettingRow(v.get(SETTING), v.get(PARAMETERS), v.get(METRIC), v.get(UNIT), v.get(RUNS),
                    v.get(OF), v.get(MEAN), v.get(CI_LOW), v.get(CI_HIGH), v.get(NOTE)));
}
