package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code <edge>/edge_inf.csv}: a window of inferences (10 in the edge app).
 *
 * @param endTime      end of the window, epoch ms
 * @param avgInfMs     mean inference (detection) time, ms
 * @param avgWaitMs    mean time a request waited in the queue (enqueued to taken), ms
 * @param avgQueueLen  mean number of requests still waiting when each was taken
 * @param frames       frames in the window
 * @param accuracy     share of the window's frames judged correct, 0 to 1
 * @param modelVersion model version that served the window
 */
public record InferenceRow(double endTime, double avgInfMs, double avgWaitMs, double avgQueueLen, double frames,
                           double accuracy, String modelVersion) {

    public static final NumberColumn END_TIME = NumberColumn.epochMillis("end_time").asRequired();
    public static final NumberColumn AVG_INF_TIME = NumberColumn.decimal("avg_inf_time", Unit.MS, 3);
    public static final NumberColumn AVG_WAIT_TIME = NumberColumn.decimal("avg_wait_time", Unit.MS, 3);
    public static final NumberColumn AVG_QUEUE_LEN = NumberColumn.decimal("avg_queue_len", Unit.REQUESTS, 3);
    public static final NumberColumn FRAMES = NumberColumn.count("frames");
    public static final NumberColumn ACCURACY = NumberColumn.decimal("accuracy", Unit.SHARE, 4);
    public static final TextColumn MODEL_VERSION = TextColumn.text("model_version");

    public static final CsvSchema<InferenceRow> SCHEMA = CsvSchema.<InferenceRow>file("edge_inf.csv")
            .number(END_TIME, InferenceRow::endTime)
            .number(AVG_INF_TIME, InferenceRow::avgInfMs)
            .number(AVG_WAIT_TIME, InferenceRow::avgWaitMs)
            .number(AVG_QUEUE_LEN, InferenceRow::avgQueueLen)
            .number(FRAMES, InferenceRow::frames)
            .number(ACCURACY, InferenceRow::accuracy)
            .text(MODEL_VERSION, InferenceRow::modelVersion)
            .reading(v -> new InferenceRow(v.get(END_TIME), v.get(AVG_INF_TIME), v.get(AVG_WAIT_TIME),
                    v.get(AVG_QUEUE_LEN), v.get(FRAMES), v.get(ACCURACY), v.get(MODEL_VERSION)));
}
