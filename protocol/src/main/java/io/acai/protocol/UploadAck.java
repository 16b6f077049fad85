package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNonNegative;

/**
 * Cloud to edge, the answer to an {@link UploadBatch}.
 *
 * <p>Payload: {@code int64 batchId, int32 accepted, bool duplicate}.
 *
 * @param batchId   the batch answered
 * @param accepted  images stored (images already seen are not counted)
 * @param duplicate the whole batch had been received before
 */
public record UploadAck(long batchId, int accepted, boolean duplicate) implements Message {

    public UploadAck {
        checkNonNegative(accepted, "accepted");
    }

    @Override
    public MessageType type() {
        return MessageType.UPLOAD_ACK;
    }
}
