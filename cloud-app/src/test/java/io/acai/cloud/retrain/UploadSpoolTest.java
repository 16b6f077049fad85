package io.acai.cloud.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.protocol.Label;
import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import io.acai.records.RunLog;
import io.acai.records.WriteFailureListener;
import io.acai.records.run.SpoolRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadSpoolTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

    @TempDir
    Path dir;

    private static UploadImage image(String id) {
        return new UploadImage(id, 8, 6, JPEG, List.of(new Label(2, 0.5f, 0.25f, 0.2f, 0.1f),
                new Label(0, 0.1f, 0.9f, 0.05f, 0.05f)));
    }

    private UploadQueue reopen(RunLog log) throws IOException {
        return new UploadQueue(UploadSpool.open(dir.resolve("spool"), log, WriteFailureListener.NONE));
    }

    private List<Path> batchFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
            return files.filter(f -> f.toString().endsWith(UploadSpool.SUFFIX)).toList();
        }
    }

    @Test
    void anAcceptedBatchIsOnDiskWhenOfferReturnsAndPendingAgainAfterARestart() throws Exception {
        UploadBatch batch = new UploadBatch(1_765_000_000_000L, "edge-1", List.of(image("a"), image("b")));
        try (RunLog log = RunLog.open(dir.resolve("cloud.log"))) {
            UploadQueue first = reopen(log);
            assertThat(first.offer(batch, 1234)).isEqualTo(new UploadQueue.Receipt(2, false));
            assertThat(batchFiles()).hasSize(1);

            // a kill -9 now: nothing closed, the next cloud opens the same folder
            UploadQueue restarted = reopen(log);
            assertThat(restarted.pendingImages()).isEqualTo(2);
            assertThat(restarted.offer(batch, 5678)).isEqualTo(new UploadQueue.Receipt(0, true));
            Round round = restarted.take(1, 1, TimeUnit.SECONDS);
            assertThat(round.images()).extracting(PendingImage::image).containsExactly(image("a"), image("b"));
            assertThat(round.receivedMillis()).isEqualTo(1234);
            assertThat(round.batches()).containsExactly(java.util.Map.entry(new BatchKey("edge-1", 1_765_000_000_000L), 2));
        }
        assertThat(Files.readString(dir.resolve("cloud.log")))
                .contains("upload spool " + dir.resolve("spool") + ": 1 batches (2 images) not yet trained on");
    }

    @Test
    void aBatchTakenOffIsListedDeletedAndStillADuplicateAfterARestart() throws Exception {
        UploadBatch batch = new UploadBatch(7, "edge-2", List.of(image("a")));
        try (RunLog log = RunLog.open(dir.resolve("cloud.log"))) {
            UploadQueue queue = reopen(log);
            queue.offer(batch, 10);
            queue.offer(new UploadBatch(8, "edge-2", List.of(image("b"), image("c"))), 11);
            Round round = queue.take(1, 1, TimeUnit.SECONDS);
            queue.takenOff(round, SpoolRow.TRAINED, 3);
            assertThat(batchFiles()).isEmpty();

            UploadQueue restarted = reopen(log);
            assertThat(restarted.pendingImages()).isZero();
            assertThat(restarted.offer(batch, 20).duplicate()).isTrue();
            assertThat(restarted.offer(new UploadBatch(9, "edge-2", List.of(image("d"))), 21).accepted()).isEqualTo(1);
        }
        List<SpoolRow> rows = SpoolRow.SCHEMA.readAll(dir.resolve("spool/batches.csv"));
        assertThat(rows).extracting(SpoolRow::edge, SpoolRow::batch, SpoolRow::images, SpoolRow::outcome,
                        SpoolRow::modelVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("edge-2", "7", 1.0, "trained", "3"),
                        org.assertj.core.groups.Tuple.tuple("edge-2", "8", 2.0, "trained", "3"));
    }

    @Test
    void aFileLeftAfterItsLineIsDeletedAtOpenAndADamagedOneMovedAside() throws Exception {
        try (RunLog log = RunLog.open(dir.resolve("cloud.log"))) {
            UploadQueue queue = reopen(log);
            queue.offer(new UploadBatch(1, "edge-1", List.of(image("a"))), 10);
            queue.offer(new UploadBatch(2, "edge-1", List.of(image("b"))), 11);
            Path second = dir.resolve("spool/edge-1_2.upload");
            byte[] bytes = Files.readAllBytes(second);
            // the cloud died after batch 1's line, before its file was deleted
            Files.writeString(dir.resolve("spool/batches.csv"), "1765000000000,edge-1,1,1,trained,4\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Files.write(second, java.util.Arrays.copyOf(bytes, bytes.length - 3));

            UploadQueue restarted = reopen(log);
            assertThat(restarted.pendingImages()).isZero();
            assertThat(batchFiles()).isEmpty();
            assertThat(dir.resolve("spool/edge-1_2.upload.bad")).exists();
        }
        assertThat(Files.readString(dir.resolve("cloud.log")))
                .contains("edge-1_2.upload: ends before the batch does", "moved aside to edge-1_2.upload.bad");
    }

    @Test
    void aBatchTheSpoolCannotWriteIsNotTaken() throws Exception {
        try (RunLog log = RunLog.open(dir.resolve("cloud.log"))) {
            UploadQueue queue = reopen(log);
            // the spool's folder is gone and a file stands where it was: no write can succeed
            Path spool = dir.resolve("spool");
            try (Stream<Path> files = Files.list(spool)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(spool);
            Files.writeString(spool, "not a folder");
            UploadBatch batch = new UploadBatch(3, "edge-1", List.of(image("a")));
            assertThatThrownBy(() -> queue.offer(batch, 1)).isInstanceOf(IOException.class);
            assertThat(queue.pendingImages()).isZero();
        }
    }
}
