package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code <cloud>/holdout.csv}: one model version scored by the cloud on held-out frames of one style of
 * the drift scenario (frames no edge sees), judged as the edges judge.
 *
 * @param time         when the score was taken, epoch ms
 * @param modelVersion the scored version ({@code 0} is the starting model)
 * @param style        {@code pre_drift} or {@code drift}
 * @param frames       held-out frames scored
 * @param accuracy     share of those frames judged correct, 0 to 1
 * @param map50        mAP at IoU 0.5 on those frames, 0 to 1; NaN when not computed
 */
public record HoldoutRow(double time, String modelVersion, String style, double frames, double accuracy,
                         double map50) {

    /** The style of the frames before the drift. */
    public static final String PRE_DRIFT = "pre_drift";
    /** The style of the frames after the drift. */
    public static final String DRIFT = "drift";

    public static final NumberColumn TIME = NumberColumn.epochMillis("time").asRequired();
    public static final TextColumn MODEL_VERSION = TextColumn.text("model_version").asRequired()
            .nonBlank("a model version");
    public static final TextColumn STYLE = TextColumn.text("style").asRequired().oneOf(PRE_DRIFT, DRIFT);
    public static final NumberColumn FRAMES = NumberColumn.count("frames");
    public static final NumberColumn ACCURACY = NumberColumn.decimal("accuracy", Unit.SHARE, 4).asRequired();
    public static final NumberColumn MAP50 = NumberColumn.decimal("map50", Unit.SHARE, 4);

    public static final CsvSchema<HoldoutRow> SCHEMA = CsvSchema.<HoldoutRow>file("holdout.csv")
            .number(TIME, HoldoutRow::time)
            .text(MODEL_VERSION, HoldoutRow::modelVersion)
            .text(STYLE, HoldoutRow::style)
            .number(FRAMES, HoldoutRow::frames)
            .number(ACCURACY, HoldoutRow::accuracy)
            .number(MAP50, HoldoutRow::map50)
            .reading(v -> new HoldoutRow(v.get(TIME), v.get(MODEL_VERSION), v.get(STYLE), v.get(FRAMES),
                    v.get(ACCURACY), v.get(MAP50)));
}
