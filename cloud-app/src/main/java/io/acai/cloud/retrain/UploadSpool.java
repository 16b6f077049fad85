package io.acai.cloud.retrain;

import io.acai.protocol.UploadBatch;
import io.acai.records.AtomicFile;
import io.acai.records.RunLog;
import io.acai.records.WriteFailureListener;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.csv.CsvRows;
import io.acai.records.run.SpoolRow;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cloud's uploads on disk, so that an acknowledged upload survives a crash or a {@code kill -9}. Each accepted
 * batch is written to its own file ({@code <edge>_<batch>.upload}, {@link SpoolFileFormat}) and forced to disk, file
 * and folder, before the cloud acknowledges it. When a retrain has used a round's batches, after it saved the version
 * it made, each gets a line in {@code batches.csv} ({@link SpoolRow}) and its file is deleted; so is a batch a failed
 * or unusable round took. Opened again, the spool deletes the files whose batches {@code batches.csv} already lists
 * (a crash between the line and the delete), hands back the other files for the next retrain (a crash before or
 * during a retrain: trained again, never lost) and remembers every batch id of both, so that an edge resending a
 * batch after the restart is told it is a duplicate. A file that cannot be read is moved aside to
 * {@code <name>.bad} with a line in the log. Not thread-safe: {@link UploadQueue} holds it under its lock.
 */
public final class UploadSpool implements AutoCloseable {

    /** The spool's batch files end with this. */
    public static final String SUFFIX = ".upload";

    /** A batch read back from the spool, with when it was first received. */
    public record Spooled(UploadBatch batch, long receivedMillis) {
    }

    private final Path dir;
    private final CsvRowWriter<SpoolRow> taken;
    private final Set<BatchKey> takenOff;
    private final List<Spooled> restored;

    private UploadSpool(Path dir, CsvRowWriter<SpoolRow> taken, Set<BatchKey> takenOff, List<Spooled> restored) {
        this.dir = dir;
        this.taken = taken;
        this.takenOff = takenOff;
        this.restored = restored;
    }

    /**
     * Opens (or creates) the spool in {@code dir}.
     *
     * @param failures hears of a failed write of {@code batches.csv}
     */
    public static UploadSpool open(Path dir, RunLog log, WriteFailureListener failures) throws IOException {
        Files.createDirectories(dir);
        Path list = SpoolRow.SCHEMA.in(dir);
        Set<BatchKey> takenOff = new HashSet<>();
        if (Files.isRegularFile(list) && Files.size(list) > 0) {
            CsvRows<SpoolRow> rows = SpoolRow.SCHEMA.read(list);
            rows.skipped().forEach(s -> log.warn("upload spool: " + list + ":" + s.line() + " skipped: " + s.problem()));
            for (SpoolRow row : rows.rows()) {
                try {
                    takenOff.add(new BatchKey(row.edge(), Long.parseLong(row.batch())));
                } catch (NumberFormatException e) {
                    log.warn("upload spool: " + list + ": batch \"" + row.batch() + "\" is not a batch id, line skipped");
                }
            }
        }
        List<Spooled> restored = new ArrayList<>();
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                Spooled spooled;
                try {
                    spooled = SpoolFileFormat.read(file, Files.readAllBytes(file));
                } catch (IOException e) {
                    Path aside = file.resolveSibling(file.getFileName() + ".bad");
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                    log.warn("upload spool: " + e.getMessage() + "; moved aside to " + aside.getFileName());
                    continue;
                }
                if (takenOff.contains(BatchKey.of(spooled.batch()))) {
                    Files.delete(file);
                    deleted++;
                } else {
                    restored.add(spooled);
                }
            }
        }
        restored.sort(Comparator.comparingLong(Spooled::receivedMillis));
        if (!restored.isEmpty() || !takenOff.isEmpty()) {
            log.info("upload spool " + dir + ": " + restored.size() + " batches ("
                    + restored.stream().mapToInt(s -> s.batch().images().size()).sum() + " images) not yet trained on"
                    + ", queued for the next retrain; " + takenOff.size() + " batches taken off before"
                    + (deleted > 0 ? " (" + deleted + " of their files deleted now)" : ""));
        }
        UploadSpool spool = new UploadSpool(dir, SpoolRow.SCHEMA.append(list, failures), takenOff, List.copyOf(restored));
        spool.forceFolder();
        return spool;
    }

    /** The batches found in the spool at opening and not yet trained on, oldest first. */
    public List<Spooled> restored() {
        return restored;
    }

    /** The batches taken off the spool before it was opened: seen, and never to be trained on again. */
    public Set<BatchKey> takenOffBefore() {
        return Set.copyOf(takenOff);
    }

    /** Writes {@code batch} and forces it to disk; once this returns, a crash cannot lose it. */
    public void write(UploadBatch batch, long receivedMillis) throws IOException {
        AtomicFile.write(file(BatchKey.of(batch)), SpoolFileFormat.write(batch, receivedMillis));
        forceFolder();
    }

    /**
     * Takes batches off the spool: a line each in {@code batches.csv}, then their files are deleted.
     *
     * @param batches the batches with the number of their images the round held
     * @param outcome {@link SpoolRow#TRAINED}, {@link SpoolRow#FAILED} or {@link SpoolRow#UNUSABLE}
     */
    public void takeOff(Map<BatchKey, Integer> batches, String outcome, int modelVersion) throws IOException {
        long now = System.currentTimeMillis();
        for (Map.Entry<BatchKey, Integer> batch : batches.entrySet()) {
            taken.write(new SpoolRow(now, batch.getKey().edgeId(), Long.toString(batch.getKey().batchId()),
                    batch.getValue(), outcome, Integer.toString(modelVersion)));
        }
        for (BatchKey batch : batches.keySet()) {
            Files.deleteIfExists(file(batch));
        }
    }

    /** Where a batch's file is: edge ids are machine names, and the batch id is written unsigned. */
    private Path file(BatchKey key) {
        return dir.resolve(key.edgeId() + "_" + Long.toUnsignedString(key.batchId()) + SUFFIX);
    }

    /** Forces the folder's entries (a new or renamed file) to disk, where the file system allows it. */
    private void forceFolder() throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            // some file systems cannot open or force a folder; the file itself was forced
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        taken.close();
    }
}
