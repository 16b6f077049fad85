package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNonNegative;

/**
 * Edge to cloud, "send me your newest model if it is newer than mine", for example after a push
 * failed its checksum. The cloud answers with a {@link ModelPush}, or not at all when the edge is
 * up to date.
 *
 * <p>Payload: {@code int32 currentVersion}.
 *
 * @param currentVersion the model the edge runs now, {@code 0} for the shipped one
 */
public record ModelRequest(int currentVersion) implements Message {

    public ModelRequest {
        checkNonNegative(currentVersion, "currentVersion");
    }

    @Override
    public MessageType type() {
        return MessageType.MODEL_REQUEST;
    }
}
