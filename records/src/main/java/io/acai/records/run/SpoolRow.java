package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;

/**
 * One line of {@code <cloud>/spool/batches.csv}: an uploaded batch the cloud took off its spool. The cloud writes
 * each acknowledged batch to the spool before it acknowledges it; once a retrain has used the batch (and saved the
 * version it made), or could not use it, the batch gets a line here and its file is deleted. A restarted cloud
 * reads this file to know the batches it has seen (an edge resending one gets a duplicate's acknowledgement) and
 * retrains on the batch files still in the spool. So every acknowledged batch is, at any time, either a file in
 * the spool or a line here.
 *
 * @param time         when the batch was taken off the spool, epoch ms
 * @param edge         the edge that sent it
 * @param batch        its batch id, as the edge numbered it
 * @param images       the images of the batch the cloud accepted
 * @param outcome      {@value #TRAINED} (in the retrain that made {@code modelVersion}), {@value #FAILED} (the
 *                     retrain failed; the model stayed at {@code modelVersion}) or {@value #UNUSABLE} (no image of
 *                     the round could be decoded)
 * @param modelVersion the version the retrain made, or the one kept
 */
public record SpoolRow(double time, String edge, String batch, double images, String outcome, String modelVersion) {

    /** A retrain used the batch. */
    public static final String TRAINED = "trained";
    /** The retrain that took the batch failed. */
    public static final String FAILED = "failed";
    /** None of the round's images could be used. */
    public static final String UNUSABLE = "unusable";

    public static final NumberColumn TIME = NumberColumn.epochMillis("time").asRequired();
    public static final TextColumn EDGE = TextColumn.text("edge").asRequired().nonBlank("an edge id");
    public static final TextColumn BATCH = TextColumn.text("batch").asRequired().nonBlank("a batch id");
    public static final NumberColumn IMAGES = NumberColumn.count("images").asRequired();
    public static final TextColumn OUTCOME = TextColumn.text("outcome").asRequired().oneOf(TRAINED, FAILED, UNUSABLE);
    public static final TextColumn MODEL_VERSION = TextColumn.text("model_version").asRequired()
            .nonBlank("a model version");

    public static final CsvSchema<SpoolRow> SCHEMA = CsvSchema.<SpoolRow>file("batches.csv")
            .number(TIME, SpoolRow::time)
            .text(EDGE, SpoolRow::edge)
            .text(BATCH, SpoolRow::batch)
            .number(IMAGES, SpoolRow::images)
            .text(OUTCOME, SpoolRow::outcome)
            .text(MODEL_VERSION, SpoolRow::modelVersion)
            .reading(v -> new SpoolRow(v.get(TIME), v.get(EDGE), v.get(BATCH), v.get(IMAGES), v.get(OUTCOME),
                    v.get(MODEL_VERSION)));

    public boolean trained() {
        return TRAINED.equals(outcome);
    }
}
