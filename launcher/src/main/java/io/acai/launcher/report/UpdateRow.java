package io.acai.launcher.report;

import java.util.List;

/**
 * One line of {@code edge_update.csv}: one model update seen from the edge. Times are epoch ms. A model pushed
 * without an upload of this edge (another edge's round, or {@code --push all}) has the first four times blank (NaN).
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

    /** Whether this edge uploaded the batch that led to this model (the upload times are there). */
    public boolean isOwnUpload() {
        return !Double.isNaN(updateStart);
    }

    /** Where the update starts on the time axis: {@code update_start}, or {@code receive} for a pushed model. */
    public double spanStart() {
        return isOwnUpload() ? updateStart : receive;
    }

    /** Whether a new model was swapped in (the row has a start and an end). */
    public boolean isSwap() {
        return !Double.isNaN(spanStart()) && !Double.isNaN(updateEnd);
    }
}
