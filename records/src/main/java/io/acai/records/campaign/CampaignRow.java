package io.acai.records.campaign;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code campaign.csv}, written by {@code launcher compare}: one metric of one machine in one run of the
 * compared runs, as the run's {@code summary.csv} gives it ({@code SummaryRow}), with what identifies the run. Tidy,
 * for pandas: {@code df[df.metric == "accuracy_last_30s"].groupby("setting").value.mean()}.
 *
 * @param runId      the run's folder name, for example {@code bandwidthFrom=2mbps-r1}
 * @param setting    the label of the run's setting: its parameter values ({@code bandwidthFrom=2mbps}), or for a run
 *                   folder compared on its own the first line of its {@code comment.txt}, its experiment's name or
 *                   its folder's name
 * @param parameters each swept path with its value, {@code path=value} joined by {@code "; "}; empty for a plain run
 * @param repeat     the repeat number in its campaign, from 1; NaN (blank) for a plain run
 * @param seed       the run's {@code experiment.seed}; NaN (blank) when not known
 * @param machine    the machine's name
 * @param controlOf  when the machine is a static control: the edge it is the control of; empty otherwise
 * @param metric     the metric's stable name, for example {@code accuracy_last_30s}
 * @param value      the value in {@code unit}; NaN (blank) when not measured
 * @param unit       the value's unit
 * @param note       why the value is blank, or what it was measured against
 */
public record CampaignRow(String runId, String setting, String parameters, double repeat, double seed, String machine,
                          String controlOf, String metric, double value, String unit, String note) {

    public static final TextColumn RUN_ID = TextColumn.text("run_id").asRequired().nonBlank("a run's folder name");
    public static final TextColumn SETTING = TextColumn.text("setting").asRequired().nonBlank("a setting's label");
    public static final TextColumn PARAMETERS = TextColumn.text("parameters");
    public static final NumberColumn REPEAT = NumberColumn.count("repeat");
    public static final NumberColumn SEED = NumberColumn.count("seed");
    public static final TextColumn MACHINE = TextColumn.text("machine").asRequired().nonBlank("a machine name");
    public static final TextColumn CONTROL_OF = TextColumn.text("control_of");
    public static final TextColumn METRIC = TextColumn.text("metric").asRequired().nonBlank("a metric name");
    public static final NumberColumn VALUE = NumberColumn.decimal("value", Unit.NONE, 3).asRequired();
    public static final TextColumn UNIT = TextColumn.text("unit");
    public static final TextColumn NOTE = TextColumn.text("note");

    public static final CsvSchema<CampaignRow> SCHEMA = CsvSchema.<CampaignRow>file("campaign.csv")
            .text(RUN_ID, CampaignRow::runId)
            .text(SETTING, CampaignRow::setting)
            .text(PARAMETERS, CampaignRow::parameters)
            .number(REPEAT, CampaignRow::repeat)
            .number(SEED, CampaignRow::seed)
            .text(MACHINE, CampaignRow::machine)
            .text(CONTROL_OF, CampaignRow::controlOf)
            .text(METRIC, CampaignRow::metric)
            .number(VALUE, CampaignRow::value)
            .text(UNIT, CampaignRow::unit)
            .text(NOTE, CampaignRow::note)
            .reading(v -> new CampaignRow(v.get(RUN_ID), v.get(SETTING), v.get(PARAMETERS), v.get(REPEAT),
                    v.get(SEED), v.get(MACHINE), v.get(CONTROL_OF), v.get(METRIC), v.get(VALUE), v.get(UNIT),
                    v.get(NOTE)));

    /** Whether the metric has a value. */
    public boolean measured() {
        return !Double.isNaN(value);
    }
}
