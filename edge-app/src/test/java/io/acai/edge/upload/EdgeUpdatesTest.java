package io.acai.edge.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.UploadAck;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.UpdateRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When an outstanding update is given up so that the next threshold can start a new one. */
class EdgeUpdatesTest {

    @TempDir
    Path tmp;

    /** Runs {@code scenario} on an update whose batch 7 was sent; returns whether it is still outstanding. */
    private boolean outstandingAfter(Consumer<EdgeUpdates> scenario) throws Exception {
        try (RunLog log = RunLog.open(tmp.resolve("update.log"));
             CsvRowWriter<UpdateRow> csv = UpdateRow.SCHEMA.create(tmp.resolve("edge_update.csv"))) {
            UpdateTracker tracker = new UpdateTracker(csv);
            // the slot is used only when a model arrives or swaps in, which these scenarios do not do
            EdgeUpdates updates = new EdgeUpdates(null, tracker, log);
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
