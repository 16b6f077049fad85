package io.acai.edge.upload;

import io.acai.edge.link.CloudClient;
import io.acai.edge.link.CloudListener;
import io.acai.edge.model.DetectorSlot;
import io.acai.edge.model.EdgeModel;
import io.acai.edge.model.ModelSwap;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.ModelAck;
import io.acai.protocol.ModelPush;
import io.acai.protocol.UploadAck;
import io.acai.records.RunLog;
import java.util.Objects;

/**
 * Ties the update loop together: the connection's events go to the {@link UpdateTracker} and the
 * {@link ModelSwap}; a model swapped in ends the update (a row of {@code edge_update.csv}) and is
 * acknowledged to the cloud.
 */
public final class EdgeUpdates implements CloudListener {

    private final DetectorSlot slot;
    private final UpdateTracker tracker;
    private final RunLog log;
    private volatile CloudClient client;
    private volatile ModelSwap swap;

    public EdgeUpdates(DetectorSlot slot, UpdateTracker tracker, RunLog log) {
        this.slot = slot;
        this.tracker = tracker;
        this.log = log;
    }

    /** Completes the wiring once the client and the swap exist (they need this listener first). */
    public void bind(CloudClient cloudClient, ModelSwap modelSwap) {
        this.client = Objects.requireNonNull(cloudClient, "cloudClient");
        this.swap = Objects.requireNonNull(modelSwap, "modelSwap");
    }

    @Override
    public int modelVersion() {
        return slot.newestVersion();
    }

    @Override
    public void batchSending(long millis) {
        tracker.sending(millis);
    }

    @Override
    public void batchSent(long millis) {
        tracker.sent(millis);
    }

    @Override
    public void batchAcknowledged(UploadAck ack) {
        tracker.acknowledged(ack.batchId());
    }

    @Override
    public void modelReceived(ModelPush push, long bytes, long millis) {
        tracker.received(millis, bytes);
        swap.accept(push);
    }

    /**
     * After a reconnect, an update whose batch the cloud acknowledged may never end: a restarted
     * cloud lost the uploads it had not retrained on yet. Such an update is abandoned, so that the
     * next threshold starts a new one; if the old cloud's model arrives after all, it still swaps in.
     */
    @Override
    public void reconnected(boolean batchPending) {
        if (!batchPending && tracker.outstanding() && tracker.acknowledged()) {
            log.warn("reconnected while waiting for the model of an acknowledged upload: update abandoned, "
                    + "the next threshold starts a new one");
            tracker.abandon();
        }
    }

    @Override
    public void cloudError(ErrorMessage error) {
        if (error.code() == ErrorCode.INTERNAL && tracker.outstanding()) {
            log.warn("update abandoned, the cloud reports: " + error.message());
            tracker.abandon();
        }
    }

    /** A new model serves since {@code millis} (told by the inference thread, run elsewhere). */
    public void swapped(EdgeModel model, long millis) {
        UpdateRecord r = tracker.finished(millis, model.version());
        log.info("model v" + model.version() + " serving (sha256 " + model.sha256Hex() + ")");
        log.metric("update", "version=" + model.version() + " images=" + r.images() + " bytes_up=" + r.bytesUp()
                + " bytes_down=" + r.bytesDown()
                + (r.updateStart() == 0 ? "" : " total_ms=" + (r.updateEnd() - r.updateStart())
                + " upload_ms=" + (r.sendEnd() - r.updateStart()) + " cloud_ms=" + (r.receive() - r.sendEnd()))
                + " load_swap_ms=" + (r.updateEnd() - r.receive()));
        client.send(ModelAck.installed(model.version()));
    }
}
