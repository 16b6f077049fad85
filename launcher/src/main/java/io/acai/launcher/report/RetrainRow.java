package io.acai.launcher.report;

import java.util.List;

/**
 * One line of {@code cloud.csv}: one retrain. Times are epoch ms.
 *
 * @param received first image of the round received
 * @param updated  retrain finished
 * @param saved    weights saved
 * @param encoded  weights encoded for the push
 * @param sent     weights sent to the edges
 */
public record RetrainRow(double received, double updated, double saved, double encoded, double sent, double images,
                         double edges, double epochs, double lossFirst, double lossLast, String device,
                         String modelVersion) {

    public static final RowParser<RetrainRow> PARSER = new RowParser<>() {
        @Override
        public List<String> columns() {
            return List.of("received", "updated", "saved", "encoded", "sent", "images", "edges", "epochs",
                    "loss_first", "loss_last", "device", "model_version");
        }

        @Override
        public RetrainRow parse(CsvRecord r) {
            return new RetrainRow(r.epochMillis("received"), r.epochMillis("updated"), r.epochMillis("saved"),
                    r.epochMillis("encoded"), r.epochMillis("sent"), r.number("images"), r.number("edges"),
                    r.number("epochs"), r.number("loss_first"), r.number("loss_last"), r.text("device"),
                    r.text("model_version"));
        }
    };

    /** Retrain compute time, ms. */
    public double retrainMillis() {
        return updated - received;
    }
}
