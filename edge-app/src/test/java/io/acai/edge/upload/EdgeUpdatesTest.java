package io.acai.edge.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.model.DetectorSlot;
import io.acai.edge.model.EdgeModel;
import io.acai.edge.model.ModelSwap;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.model.TestModels;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.ModelAck;
import io.acai.protocol.ModelPush;
import io.acai.protocol.UploadAck;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.UpdateRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge's update logic as the connection drives it, with the cloud as an in-memory
 * {@link CloudLink}: a pushed model swaps in and ends the update, and when an outstanding update is
 * given up so that the next threshold can start a new one.
 */
class EdgeUpdatesTest {

    @TempDir
    Path tmp;

    @Test
    void aPushedModelSwapsInEndsTheUpdateAndIsAcknowledged() throws Exception {
        ModelFiles files = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        EdgeModel initial = EdgeModel.read(files);
        OpenCvDetectorLoader loader = new OpenCvDetectorLoader(new DetectorSettings(0.5f, 0.3f, 1));
        RecordingCloudLink cloud = new RecordingCloudLink();
        try (RunLog log = RunLog.open(tmp.resolve("update.log"));
             CsvRowWriter<UpdateRow> csv = UpdateRow.SCHEMA.create(tmp.resolve("edge_update.csv"))) {
            UpdateTracker tracker = new UpdateTracker(csv);
            UpdateCompletion completion = new UpdateCompletion(tracker, cloud, log);
            DetectorSlot slot = new DetectorSlot(new DetectorSlot.Loaded(loader.load(initial), initial), Runnable::run,
                    model -> completion.swapped(model, 1000));
            try (ModelSwap swap = new ModelSwap(slot, loader, cloud::send, log)) {
                EdgeUpdates updates = new EdgeUpdates(slot, tracker, swap, log);
                tracker.begin(100);
                tracker.prepared(110, 7, 3, 300);
                updates.batchSending(120);
                updates.batchSent(130);
                updates.batchAcknowledged(new UploadAck(7, 3, false));
                updates.modelReceived(ModelPush.of(1, TestModels.otherWeights(files, 2)), 5000, 900);

                awaitModelVersion(updates, 1);
                assertThat(tracker.outstanding()).as("loaded, but not serving before the next frame").isTrue();
                slot.beforeFrame();

                assertThat(slot.model().version()).isEqualTo(1);
                assertThat(tracker.outstanding()).isFalse();
                assertThat(cloud.sent).containsExactly(ModelAck.installed(1));
            } finally {
                slot.close();
            }
        }
        assertThat(UpdateRow.SCHEMA.readAll(tmp.resolve("edge_update.csv")))
                .containsExactly(new UpdateRow(100, 110, 120, 130, 900, 1000, 3, 300, 5000, "1"));
        assertThat(Files.readString(tmp.resolve("update.log"))).contains("model v1 serving (sha256 ")
                .contains("METRIC update version=1 images=3 bytes_up=300 bytes_down=5000 total_ms=900");
    }

    /** Until the model swap has loaded {@code version}, which the edge then announces in its hello. */
    private static void awaitModelVersion(CloudListener listener, int version) {
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.modelVersion() >= version);
        assertThat(listener.modelVersion()).isEqualTo(version);
    }

    /** Runs {@code scenario} on an update whose batch 7 was sent; returns whether it is still outstanding. */
    private boolean outstandingAfter(Consumer<EdgeUpdates> scenario) throws Exception {
        try (RunLog log = RunLog.open(tmp.resolve("update.log"));
             CsvRowWriter<UpdateRow> csv = UpdateRow.SCHEMA.create(tmp.resolve("edge_update.csv"))) {
            UpdateTracker tracker = new UpdateTracker(csv);
            // the slot and the swap are used only when a model arrives, which these scenarios do not do
            EdgeUpdates updates = new EdgeUpdates(null, tracker, null, log);
            tracker.begin(1);
            tracker.prepared(2, 7, 3, 300);
            updates.batchSending(3);
            updates.batchSent(4);
            scenario.accept(updates);
            return tracker.outstanding();
        }
    }

    @Test
    void aReconnectAfterTheAckAbandonsTheUpdate() throws Exception {
        assertThat(outstandingAfter(u -> {
            u.batchAcknowledged(new UploadAck(7, 3, false));
            u.reconnected(false);
        })).isFalse();
        assertThat(Files.readString(tmp.resolve("update.log"))).contains("update abandoned");
    }

    @Test
    void aReconnectBeforeTheAckKeepsTheUpdate() throws Exception {
        assertThat(outstandingAfter(u -> u.reconnected(true))).isTrue();
        assertThat(outstandingAfter(u -> u.reconnected(false))).as("batch not acknowledged yet").isTrue();
        assertThat(outstandingAfter(u -> {
            u.batchAcknowledged(new UploadAck(6, 3, false));
            u.reconnected(false);
        })).as("another batch's ack").isTrue();
    }

    @Test
    void onlyAnInternalCloudErrorAbandonsTheUpdate() throws Exception {
        assertThat(outstandingAfter(u -> u.cloudError(new ErrorMessage(ErrorCode.INTERNAL, "retrain failed"))))
                .isFalse();
        assertThat(outstandingAfter(u -> u.cloudError(new ErrorMessage(ErrorCode.BATCH_REJECTED, "too big"))))
                .isTrue();
    }
}
