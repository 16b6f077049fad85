package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code <cloud>/holdout.csv}: one model version scored by the cloud on its held-out frames of one
 * style, judged as the edges judge. The cloud writes two lines per version, {@code pre_drift} and {@code drift}: for
 * the version it starts with, then for every version it pushes. Forgetting is the fall of the {@code pre_drift}
 * accuracy from the first version to the latest.
 *
 * @param time         scoring done, epoch ms
 * @param modelVersion the version scored
 * @param style        {@value #PRE_DRIFT} or {@value #DRIFT}: the scenes the frames were drawn from
 * @param frames       frames scored
 * @param accuracy     share of the frames judged right
 * @param map50        mAP@0.5 over the same frames, NaN (blank) when not measured
 */
public record HoldoutRow(double time, String modelVersion, String style, double frames, double accuracy,
                         double map50) {

    /** Frames of the scenes before the drift. */
    public static final String PRE_DRIFT = "pre_drift";
    /** Frames of the drifted scenes. */
    public static final String DRIFT = "drift";

    public static final NumberColumn TIME = NumberColumn.epochMillis("time").asRequired();
    public static final TextColumn MODEL_VERSION = TextColumn.text("model_version").asRequired()
            .nonBlank("a model version");
    public static final TextColumn STYLE = TextColumn.text("style").asRequired().oneOf(PRE_DRIFT, DRIFT);
    public static final NumberColumn FRAMES = NumberColumn.count("frames");
    public static final NumberColumn ACCURACY = NumberColumn.decimal("accuracy", Unit.SHARE, 4);
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

    public boolean preDrift() {
        return PRE_DRIFT.equals(style);
    }
}
