package io.acai.edge.upload;

import io.acai.edge.model.EdgeModel;
import io.acai.protocol.ModelAck;
import io.acai.records.RunLog;

/**
 * The end of an update: a new model serves. Writes the update's row of {@code edge_update.csv}
 * through the {@link UpdateTracker}, logs its split, and acknowledges the model to the cloud.
 */
public final class UpdateCompletion {

    private final UpdateTracker tracker;
    private final CloudLink cloud;
    private final RunLog log;

    public UpdateCompletion(UpdateTracker tracker, CloudLink cloud, RunLog log) {
        this.tracker = tracker;
        this.cloud = cloud;
        this.log = log;
    }

    /** {@code model} serves since {@code millis} (told by the inference thread, run elsewhere). */
    public void swapped(EdgeModel model, long millis) {
        UpdateRecord r = tracker.finished(millis, model.version());
        log.info("model v" + model.version() + " serving (sha256 " + model.sha256Hex() + ")");
        log.metric("update", "version=" + model.version() + " images=" + r.images() + " bytes_up=" + r.bytesUp()
                + " bytes_down=" + r.bytesDown()
                + (r.updateStart() == 0 ? "" : " total_ms=" + (r.updateEnd() - r.updateStart())
                + " upload_ms=" + (r.sendEnd() - r.updateStart()) + " cloud_ms=" + (r.receive() - r.sendEnd()))
                + " load_swap_ms=" + (r.updateEnd() - r.receive()));
        cloud.send(ModelAck.installed(model.version()));
    }
}
