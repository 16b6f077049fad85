package io.acai.edge.upload;

import io.acai.edge.model.DetectorSlot;
import io.acai.edge.model.ModelSwap;
import io.acai.protocol.ErrorCode;
import io.acai.protocol.ErrorMessage;
import io.acai.protocol.LogText;
import io.acai.protocol.ModelPush;
import io.acai.protocol.UploadAck;
import io.acai.records.RunLog;

/**
 * The edge's side of the update loop as the connection sees it: the connection's events go to the
 * {@link UpdateTracker}, pushed models to the {@link ModelSwap}. The update ends when the model
 * serves ({@link UpdateCompletion}).
 */
public final class EdgeUpdates implements CloudListener {

    private final DetectorSlot slot;
    private final UpdateTracker tracker;
    private final ModelSwap swap;
    private final RunLog log;

    public EdgeUpdates(DetectorSlot slot, UpdateTracker tracker, ModelSwap swap, RunLog log) {
        this.slot = slot;
        this.tracker = tracker;
        this.swap = swap;
        this.log = log;
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
     * After a reconnect, an update whose batch the cloud acknowledged may never end: a restarted cloud
     * retrains on the batch from its spool, but pushes the model to the edges connected when the retrain
     * ends, and tells only those if it fails. Such an update is abandoned, so that the next threshold
     * starts a new one; the model made from the batch still swaps in when it arrives (pushed, or sent on
     * the next hello).
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
            log.warn("update abandoned, the cloud reports: " + LogText.escape(error.message()));
            tracker.abandon();
        }
    }
}
