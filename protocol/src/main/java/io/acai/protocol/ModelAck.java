package io.acai.protocol;

import static io.acai.protocol.Arguments.checkPositive;

import java.util.Objects;

/**
 * Edge to cloud, the outcome of a {@link ModelPush}.
 *
 * <p>Payload: {@code int32 version, bool ok, string16 reason}.
 *
 * @param version the pushed version
 * @param ok      the edge runs it now
 * @param reason  why not, for example {@code "sha256 mismatch"}; empty when {@code ok}
 */
public record ModelAck(int version, boolean ok, String reason) implements Message {

    public ModelAck {
        checkPositive(version, "version");
        Objects.requireNonNull(reason, "reason");
    }

    public static ModelAck installed(int version) {
        return new ModelAck(version, true, "");
    }

    public static ModelAck refused(int version, String reason) {
        return new ModelAck(version, false, reason);
    }

    @Override
    public MessageType type() {
        return MessageType.MODEL_ACK;
    }
}
