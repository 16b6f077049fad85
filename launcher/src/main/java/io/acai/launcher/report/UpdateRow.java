package io.acai.launcher.report;

import java.util.List;

/**
 * One line of {@code edge_update.csv}: one model update seen from the edge. Times are epoch ms.
 *
 * @param updateStart upload threshold reached
 * @param prepare     batch prepared (images encoded)
 * @param sendStart   upload started
 * @param sendEnd     upload acknowledged
 * @param receive     new weights received
 * @param updateEnd   new model swapped in
 */
public record UpdateRow(double updateStart, double prepare, double sendStart, double sendEnd, double receive,
                        double updateEnd, double images, double bytesUp, double bytesDown, String modelVersion) {

    public static final RowParser<UpdateRow> PARSER = new RowParser<>() {
        @Override
        public List<String> columns() {
            return List.of("update_start", "prepare", "send_start", "send_end", "receive", "update_end", "images",
                    "bytes_up", "bytes_down", "model_version");
        }

        @Override
        public UpdateRow parse(CsvRecord r) {
            return new UpdateRow(r.epochMillis("update_start"), r.epochMillis("prepare"), r.epochMillis("send_start"),
                    r.epochMillis("send_end"), r.epochMillis("receive"), r.epochMillis("update_end"),
                    r.number("images"), r.number("bytes_up"), r.number("bytes_down"), r.text("model_version"));
        }
    };

    /** Whether the new model was swapped in (the row has its end). */
    public boolean isComplete() {
        return !Double.isNaN(updateStart) && !Double.isNaN(updateEnd);
    }
}
