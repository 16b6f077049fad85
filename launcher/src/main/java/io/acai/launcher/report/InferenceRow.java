package io.acai.launcher.report;

import java.util.List;

/**
 * One line of {@code edge_inf.csv}: a window of 10 inferences.
 *
 * @param endTime       end of the window, epoch ms
 * @param avgInfMs      mean inference time, ms
 * @param avgWaitMs     mean time a request waited in the queue, ms
 * @param avgQueueLen   mean queue length, requests
 * @param frames        frames in the window
 * @param accuracy      share of correct frames in the window, 0..1
 * @param modelVersion  model version that served the window
 */
public record InferenceRow(double endTime, double avgInfMs, double avgWaitMs, double avgQueueLen, double frames,
                           double accuracy, String modelVersion) {

    public static final RowParser<InferenceRow> PARSER = new RowParser<>() {
        @Override
        public List<String> columns() {
            return List.of("end_time", "avg_inf_time", "avg_wait_time", "avg_queue_len", "frames", "accuracy",
                    "model_version");
        }

        @Override
        public InferenceRow parse(CsvRecord r) {
            double accuracy = r.number("accuracy");
            if (accuracy < 0 || accuracy > 1) {
                throw new CsvFieldException("accuracy", r.text("accuracy"), "expected: a share between 0 and 1");
            }
            return new InferenceRow(r.epochMillis("end_time"), r.number("avg_inf_time"), r.number("avg_wait_time"),
                    r.number("avg_queue_len"), r.number("frames"), accuracy, r.text("model_version"));
        }
    };
}
