package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNonNegative;
import static io.acai.protocol.Arguments.checkNotEmpty;

import java.util.Objects;

/**
 * Edge to cloud, the first message on every connection. The cloud answers with a {@link HelloAck},
 * or with an {@link ErrorMessage} and closes the connection: {@link ErrorCode#PROTOCOL_VIOLATION} for
 * an edge id that is not a machine name, {@link ErrorCode#UNAUTHORIZED} for a wrong token. The whole
 * frame takes at most {@link ProtocolLimits#maxFrameLengthBeforeHello()} bytes (4 KiB).
 *
 * <p>Payload: {@code string16 edgeId, string16 token, string16 softwareVersion, int32 modelVersion}.
 *
 * @param edgeId          the edge's name, not empty; the cloud accepts a machine name only, as in the
 *                        launcher's config: lower-case letters, digits and '-', starting with a letter,
 *                        at most 63
 * @param token           the shared secret the cloud checks; may be empty when the cloud asks for none
 * @param softwareVersion the edge build, for logs
 * @param modelVersion    the model the edge runs now, {@code 0} for the shipped one
 */
public record Hello(String edgeId, String token, String softwareVersion, int modelVersion) implements Message {

    public Hello {
        checkNotEmpty(edgeId, "edgeId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        checkNonNegative(modelVersion, "modelVersion");
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }

    @Override
    public String toString() {
        return "Hello[edgeId=" + edgeId + ", token=" + (token.isEmpty() ? "" : "***")
                + ", softwareVersion=" + softwareVersion + ", modelVersion=" + modelVersion + "]";
    }
}
