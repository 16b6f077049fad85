package io.acai.protocol;

import java.util.Objects;

/**
 * Either way, a request was refused.
 *
 * <p>Payload: {@code int32 code, string16 message}.
 *
 * @param code    what went wrong
 * @param message for people and logs
 */
public record ErrorMessage(ErrorCode code, String message) implements Message {

    public ErrorMessage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public MessageType type() {
        return MessageType.ERROR;
    }
}
