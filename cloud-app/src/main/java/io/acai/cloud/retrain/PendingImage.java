package io.acai.cloud.retrain;

import io.acai.protocol.UploadImage;

/** An uploaded image waiting for the next retrain, with the edge and batch that sent it and when it arrived. */
public record PendingImage(String edgeId, long batchId, UploadImage image, long receivedMillis) {

    public BatchKey batch() {
        return new BatchKey(edgeId, batchId);
    }
}
