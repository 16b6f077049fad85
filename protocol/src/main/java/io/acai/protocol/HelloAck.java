package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNonNegative;
import static io.acai.protocol.Arguments.checkNotEmpty;

/**
 * Cloud to edge, the answer to an accepted {@link Hello}. When {@code modelVersion} is newer than
 * the edge's, a {@link ModelPush} follows.
 *
 * <p>Payload: {@code string16 cloudId, int32 modelVersion}.
 *
 * @param cloudId      the cloud's name, for logs
 * @param modelVersion the newest model the cloud holds
 */
public record HelloAck(String cloudId, int modelVersion) implements Message {

    public HelloAck {
        checkNotEmpty(cloudId, "cloudId");
        checkNonNegative(modelVersion, "modelVersion");
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO_ACK;
    }
}
