package io.acai.protocol;

/** Why an {@link ErrorMessage} was sent. Codes are part of the wire format: never renumber one. */
public enum ErrorCode {
    /** The {@link Hello} named an unknown edge or a wrong token; the cloud closes the connection. */
    UNAUTHORIZED(1),
    /** A message came out of order, for example an upload before the hello. */
    PROTOCOL_VIOLATION(2),
    /** The cloud could not store a batch; the edge may retry it later. */
    BATCH_REJECTED(3),
    /** The cloud holds no model newer than the one requested. */
    MODEL_UNAVAILABLE(4),
    /** Anything else went wrong on the sender's side. */
    INTERNAL(5);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The error code with the given value, or {@code null}. */
    static ErrorCode find(int code) {
        for (ErrorCode e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
