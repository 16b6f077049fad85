package io.acai.cloud.server;

import io.acai.cloud.retrain.UploadQueue;
import io.acai.cloud.store.ModelStore;
import io.acai.options.AppFailure;
import io.acai.records.RunLog;

/**
 * What every connection handler of the cloud shares; {@code failure} hears of an upload the spool could not write,
 * which ends the cloud.
 */
public record CloudContext(String cloudId, TokenCheck tokens, ConnectedEdges edges,
                           UploadQueue uploads, ModelStore store, RunLog log, AppFailure failure) {

    /** A context whose faults are reported nowhere but the log (tests). */
    public CloudContext(String cloudId, TokenCheck tokens, ConnectedEdges edges, UploadQueue uploads, ModelStore store,
                        RunLog log) {
        this(cloudId, tokens, edges, uploads, store, log, new AppFailure());
    }
}
