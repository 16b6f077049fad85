package io.acai.edge.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.protocol.Message;
import io.acai.protocol.ProtocolLimits;
import io.acai.protocol.UploadBatch;
import io.acai.protocol.UploadImage;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.UpdateRow;
import io.acai.scenes.DriftScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mispredicted frames to batches, with the cloud as an in-memory {@link CloudLink}: one update outstanding at a time. */
class UploaderTest {

    @TempDir
    Path tmp;

    @Test
    void uploadsABatchAtTheThresholdAndWaitsForTheUpdateToEnd() throws Exception {
        DriftScenario scenes = DriftScenario.builder("cam-u").build();
        RecordingCloudLink cloud = new RecordingCloudLink();
        try (RunLog log = RunLog.open(tmp.resolve("update.log"));
             CsvRowWriter<UpdateRow> csv = UpdateRow.SCHEMA.create(tmp.resolve("edge_update.csv"))) {
            UpdateTracker tracker = new UpdateTracker(csv);
            UploadBuffer buffer = new UploadBuffer(3, 12);
            try (Uploader uploader = new Uploader(buffer, tracker, cloud, "edge-u", ProtocolLimits.DEFAULT, log,
                    192, 192, UploadEncoding.DEFAULT)) {
                for (int i = 0; i < 6; i++) {
                    uploader.offer(scenes.frame(i));
                }
                UploadBatch first = cloud.uploads.poll(30, TimeUnit.SECONDS);
                assertThat(first).isNotNull();
                assertThat(first.edgeId()).isEqualTo("edge-u");
                assertThat(first.images()).extracting(UploadImage::imageId)
                        .containsExactly(scenes.frame(0).id(), scenes.frame(1).id(), scenes.frame(2).id());
                assertThat(tracker.outstanding()).isTrue();
                awaitBuffered(buffer, 3);
                assertThat(cloud.uploads).as("frames 3 to 5 reach the threshold but wait for the update").isEmpty();

                tracker.abandon();
                uploader.offer(scenes.frame(6));
                UploadBatch second = cloud.uploads.poll(30, TimeUnit.SECONDS);
                assertThat(second.images()).extracting(UploadImage::imageId).containsExactly(scenes.frame(3).id(),
                        scenes.frame(4).id(), scenes.frame(5).id(), scenes.frame(6).id());
                assertThat(second.batchId()).isGreaterThan(first.batchId());
            }
        }
        assertThat(Files.readString(tmp.resolve("update.log"))).contains("upload of 3 mispredicted frames as batch")
                .contains("upload of 4 mispredicted frames as batch");
    }

    /**
     * Closing waits for the upload thread: an upload in progress ends before {@code close()} returns, so the app can
     * close its log and CSVs after it without the upload thread writing to a closed file (which once ended an edge's
     * run with a write failure in {@code CloudKillTest}).
     */
    @Test
    void closeReturnsOnlyOnceTheUploadInProgressHasEnded() throws Exception {
        DriftScenario scenes = DriftScenario.builder("cam-c").build();
        CountDownLatch uploading = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        AtomicBoolean endedAfterClose = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        CloudLink slowCloud = new CloudLink() {
            @Override
            public void upload(UploadBatch batch) {
                uploading.countDown();
                long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
                while (System.nanoTime() < until) {
                    // an upload that does not stop at an interrupt, as a socket write does not
                    Thread.onSpinWait();
                }
                endedAfterClose.set(closed.get());
                ended.countDown();
            }

            @Override
            public boolean send(Message message) {
                return false;
            }
        };
        try (RunLog log = RunLog.open(tmp.resolve("update.log"));
             CsvRowWriter<UpdateRow> csv = UpdateRow.SCHEMA.create(tmp.resolve("edge_update.csv"))) {
            Uploader uploader = new Uploader(new UploadBuffer(1, 4), new UpdateTracker(csv), slowCloud, "edge-c",
                    ProtocolLimits.DEFAULT, log, 192, 192, UploadEncoding.DEFAULT);
            uploader.offer(scenes.frame(0));
            assertThat(uploading.await(30, TimeUnit.SECONDS)).isTrue();
            uploader.close();
            closed.set(true);
        }
        assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(endedAfterClose).as("the upload thread was still uploading after close() returned").isFalse();
    }

    /** Until the upload thread has encoded and buffered that many frames. */
    private static void awaitBuffered(UploadBuffer buffer, int frames) {
        await().atMost(Duration.ofSeconds(30)).until(() -> buffer.size() >= frames);
        assertThat(buffer.size()).isEqualTo(frames);
    }
}
