package io.acai.cloud.retrain;

import io.acai.protocol.UploadImage;

/** An uploaded image waiting for the next retrain, with the edge that sent it and when. */
public record PendingImage(String edgeId, UploadImage image, long receivedMillis) {
}
