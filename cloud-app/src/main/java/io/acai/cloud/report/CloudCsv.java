package io.acai.cloud.report;

import io.acai.records.CsvFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code cloud.csv}: one row per retrain. Times are epoch milliseconds: {@code received} (the upload
 * that completed the round arrived), {@code updated} (training done), {@code saved} (new version on
 * disk), {@code encoded} (push message built), {@code sent} (written to every target edge).
 */
public final class CloudCsv implements AutoCloseable {

    public static final List<String> HEADER = List.of("received", "updated", "saved", "encoded", "sent",
            "images", "edges", "epochs", "loss_first", "loss_last", "device", "model_version");

    private final CsvFile csv;

    private CloudCsv(CsvFile csv) {
        this.csv = csv;
    }

    public static CloudCsv create(Path file) throws IOException {
        return new CloudCsv(CsvFile.create(file, HEADER));
    }

    public void row(RetrainRow r) {
        csv.row(r.received(), r.updated(), r.saved(), r.encoded(), r.sent(), r.images(), r.edges(), r.epochs(),
                format(r.lossFirst()), format(r.lossLast()), r.device(), r.modelVersion());
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** One retrain, as {@code cloud.csv} records it. */
    public record RetrainRow(long received, long updated, long saved, long encoded, long sent, int images, int edges,
                             int epochs, double lossFirst, double lossLast, String device, int modelVersion) {
    }
}
