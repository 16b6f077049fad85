package io.acai.cloud.retrain;

import io.acai.protocol.UploadBatch;

/** What identifies an uploaded batch: the edge that sent it and its batch id on that edge. */
public record BatchKey(String edgeId, long batchId) {

    public static BatchKey of(UploadBatch batch) {
        return new BatchKey(batch.edgeId(), batch.batchId());
    }
}
