package io.acai.cloud.server;

import io.acai.cloud.retrain.UploadQueue;
import io.acai.cloud.store.ModelStore;
import io.acai.records.RunLog;

/** What every connection handler of the cloud shares. */
public record CloudContext(String cloudId, TokenCheck tokens, EdgeRegistry edges, UploadQueue uploads,
                           ModelStore store, ModelPusher pusher, RunLog log) {
}
