package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;

/**
 * One line of {@code <edge>/edge_update.csv}: one model update seen from the edge. Times are epoch ms. A model
 * pushed without an upload of this edge (another edge's round, or {@code --push all}) has the first four times
 * blank (NaN).
 *
 * @param updateStart the upload buffer reached its threshold
 * @param prepare     batch prepared (images encoded)
 * @param sendStart   upload started
 * @param sendEnd     batch written to the socket
 * @param receive     new weights received
 * @param updateEnd   new model serving
 * @param images      images uploaded
 * @param bytesUp     bytes uploaded
 * @param bytesDown   bytes of weights received
 * @param modelVersion the new model's version
 */
public record UpdateRow(double updateStart, double prepare, double sendStart, double sendEnd, double receive,
                        double updateEnd, double images, double bytesUp, double bytesDown, String modelVersion) {

    public static final NumberColumn UPDATE_START = NumberColumn.epochMillis("update_start");
    public static final NumberColumn PREPARE = NumberColumn.epochMillis("prepare");
    public static final NumberColumn SEND_START = NumberColumn.epochMillis("send_start");
    public static final NumberColumn SEND_END = NumberColumn.epochMillis("send_end");
    public static final NumberColumn RECEIVE = NumberColumn.epochMillis("receive");
    public static final NumberColumn UPDATE_END = NumberColumn.epochMillis("update_end").asRequired();
    public static final NumberColumn IMAGES = NumberColumn.count("images");
    public static final NumberColumn BYTES_UP = NumberColumn.bytes("bytes_up");
    public static final NumberColumn BYTES_DOWN = NumberColumn.bytes("bytes_down");
    public static final TextColumn MODEL_VERSION = TextColumn.text("model_version");

    public static final CsvSchema<UpdateRow> SCHEMA = CsvSchema.<UpdateRow>file("edge_update.csv")
            .number(UPDATE_START, UpdateRow::updateStart)
            .number(PREPARE, UpdateRow::prepare)
            .number(SEND_START, UpdateRow::sendStart)
            .number(SEND_END, UpdateRow::sendEnd)
            .number(RECEIVE, UpdateRow::receive)
            .number(UPDATE_END, UpdateRow::updateEnd)
            .number(IMAGES, UpdateRow::images)
            .number(BYTES_UP, UpdateRow::bytesUp)
            .number(BYTES_DOWN, UpdateRow::bytesDown)
            .text(MODEL_VERSION, UpdateRow::modelVersion)
            .reading(v -> new UpdateRow(v.get(UPDATE_START), v.get(PREPARE), v.get(SEND_START), v.get(SEND_END),
                    v.get(RECEIVE), v.get(UPDATE_END), v.get(IMAGES), v.get(BYTES_UP), v.get(BYTES_DOWN),
                    v.get(MODEL_VERSION)));

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
