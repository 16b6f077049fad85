package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNotEmpty;

import java.util.List;
import java.util.Objects;

/**
 * Edge to cloud, frames the edge mispredicted, with their labels. The cloud answers with an
 * {@link UploadAck} carrying the same {@code batchId}; a batch resent after a reconnect is
 * acknowledged again as a duplicate, so the edge may resend anything not yet acknowledged.
 *
 * <p>Payload: {@code int64 batchId, string16 edgeId, int32 imageCount, imageCount x UploadImage}.
 * The decoder refuses more than {@link ProtocolLimits#maxImagesPerBatch()} images.
 *
 * @param batchId unique per edge, for example a counter that survives restarts or a timestamp
 * @param edgeId  the sending edge
 * @param images  the frames, possibly none
 */
public record UploadBatch(long batchId, String edgeId, List<UploadImage> images) implements Message {

    public UploadBatch {
        checkNotEmpty(edgeId, "edgeId");
        images = List.copyOf(Objects.requireNonNull(images, "images"));
    }

    @Override
    public MessageType type() {
        return MessageType.UPLOAD_BATCH;
    }
}
