package io.acai.cloud.server;

import io.acai.cloud.retrain.UploadQueue;
import io.acai.cloud.store.ModelStore;
import io.acai.records.RunLog;

/** What every connection handler of the cloud shares. */
public record CloudContext(String cloudId, TokenCheck tokens, ConnectedEdges edges,
                           UploadQueue uploads, ModelStore store, RunLog log) {
}
