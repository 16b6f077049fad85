package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code <cloud>/cloud.csv}: one retrain. Times are epoch ms.
 *
 * @param received     the upload that completed the round arrived
 * @param updated      training done
 * @param saved        new version on disk
 * @param encoded      push message built
 * @param sent         written to every target edge
 * @param images       images trained on
 * @param edges        edges whose uploads made the round
 * @param epochs       training epochs
 * @param lossFirst    loss of the first epoch
 * @param lossLast     loss of the last epoch
 * @param device       where it trained, for example {@code cpu()}
 * @param modelVersion the new version
 */
public record RetrainRow(double received, double updated, double saved, double encoded, double sent, double images,
                         double edges, double epochs, double lossFirst, double lossLast, String device,
                         String modelVersion) {

    public static final NumberColumn RECEIVED = NumberColumn.epochMillis("received").asRequired();
    public static final NumberColumn UPDATED = NumberColumn.epochMillis("updated");
    public static final NumberColumn SAVED = NumberColumn.epochMillis("saved");
    public static final NumberColumn ENCODED = NumberColumn.epochMillis("encoded");
    public static final NumberColumn SENT = NumberColumn.epochMillis("sent");
    public static final NumberColumn IMAGES = NumberColumn.count("images");
    public static final NumberColumn EDGES = NumberColumn.count("edges");
    public static final NumberColumn EPOCHS = NumberColumn.count("epochs");
    public static final NumberColumn LOSS_FIRST = NumberColumn.decimal("loss_first", Unit.NONE, 6);
    public static final NumberColumn LOSS_LAST = NumberColumn.decimal("loss_last", Unit.NONE, 6);
    public static final TextColumn DEVICE = TextColumn.text("device");
    public static final TextColumn MODEL_VERSION = TextColumn.text("model_version");

    public static final CsvSchema<RetrainRow> SCHEMA = CsvSchema.<RetrainRow>file("cloud.csv")
            .number(RECEIVED, RetrainRow::received)
            .number(UPDATED, RetrainRow::updated)
            .number(SAVED, RetrainRow::saved)
            .number(ENCODED, RetrainRow::encoded)
            .number(SENT, RetrainRow::sent)
            .number(IMAGES, RetrainRow::images)
            .number(EDGES, RetrainRow::edges)
            .number(EPOCHS, RetrainRow::epochs)
            .number(LOSS_FIRST, RetrainRow::lossFirst)
            .number(LOSS_LAST, RetrainRow::lossLast)
            .text(DEVICE, RetrainRow::device)
            .text(MODEL_VERSION, RetrainRow::modelVersion)
            .reading(v -> new RetrainRow(v.get(RECEIVED), v.get(UPDATED), v.get(SAVED), v.get(ENCODED), v.get(SENT),
                    v.get(IMAGES), v.get(EDGES), v.get(EPOCHS), v.get(LOSS_FIRST), v.get(LOSS_LAST), v.get(DEVICE),
                    v.get(MODEL_VERSION)));

    /** Retrain time from the round's last upload to training done, ms. */
    public double retrainMillis() {
        return updated - received;
    }
}
