package io.acai.edge.upload;

import io.acai.records.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code edge_update.csv}: one row per update, times in epoch milliseconds: {@code update_start}
 * (the buffer reached the threshold), {@code prepare} (batch encoded), {@code send_start},
 * {@code send_end} (the batch written to the socket), {@code receive} (new model received),
 * {@code update_end} (new model serving). A model pushed without an upload of this edge (another
 * edge's update, or {@code --push all}) has the first four cells empty.
 */
public final class UpdateCsv implements AutoCloseable {

    public static final List<String> HEADER = List.of("update_start", "prepare", "send_start", "send_end", "receive",
            "update_end", "images", "bytes_up", "bytes_down", "model_version");

    private final CsvFile csv;

    private UpdateCsv(CsvFile csv) {
        this.csv = csv;
    }

    public static UpdateCsv create(Path file) throws IOException {
        return new UpdateCsv(CsvFile.create(file, HEADER));
    }

    public void row(UpdateRecord r) {
        csv.row(cell(r.updateStart()), cell(r.prepare()), cell(r.sendStart()), cell(r.sendEnd()), r.receive(),
                r.updateEnd(), r.images(), r.bytesUp(), r.bytesDown(), r.modelVersion());
    }

    private static String cell(long millis) {
        return millis == 0 ? "" : Long.toString(millis);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
