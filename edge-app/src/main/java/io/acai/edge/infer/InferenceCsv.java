package io.acai.edge.infer;

import io.acai.records.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code edge_inf.csv}: one row per {@value InferenceWindow#SIZE} inferences. {@code end_time} is
 * epoch milliseconds; {@code avg_inf_time} (detection only) and {@code avg_wait_time} (enqueued to
 * taken by the inference loop) are milliseconds; {@code avg_queue_len} is the requests still waiting
 * when each was taken; {@code accuracy} the share of frames judged correct.
 */
public final class InferenceCsv implements AutoCloseable {

    public static final List<String> HEADER = List.of("end_time", "avg_inf_time", "avg_wait_time", "avg_queue_len",
            "frames", "accuracy", "model_version");

    private final CsvFile csv;

    private InferenceCsv(CsvFile csv) {
        this.csv = csv;
    }

    public static InferenceCsv create(Path file) throws IOException {
        return new InferenceCsv(CsvFile.create(file, HEADER));
    }

    public void row(InferenceWindow.Summary s) {
        csv.row(s.endMillis(), f(s.avgInferenceMillis()), f(s.avgWaitMillis()), f(s.avgQueueLength()), s.frames(),
                String.format(Locale.ROOT, "%.4f", s.accuracy()), s.modelVersion());
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
