package io.acai.protocol;

/**
 * Why an {@link ErrorMessage} was sent. Codes are part of the wire format: never renumber one, only add. A peer
 * that predates a code reads it as a corrupt frame and closes the connection, which for the refusals below is what
 * the cloud does anyway: an older edge sent {@link #TOKEN_MISSING} is closed as before, and a newer edge refused
 * by an older cloud gets {@link #UNAUTHORIZED} and reads it as a wrong token.
 */
public enum ErrorCode {
    /** The {@link Hello} presented a wrong token; the cloud closes the connection. */
    UNAUTHORIZED(1),
    /** A message came out of order, for example an upload before the hello. */
    PROTOCOL_VIOLATION(2),
    /** The cloud could not store a batch; the edge may retry it later. */
    BATCH_REJECTED(3),
    /** The cloud holds no model newer than the one requested. */
    MODEL_UNAVAILABLE(4),
    /** Anything else went wrong on the sender's side. */
    INTERNAL(5),
    /** The {@link Hello} presented no token and the cloud requires one; the cloud closes the connection. */
    TOKEN_MISSING(6);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** Whether this code refuses the edge's credentials, which retrying with the same ones cannot change. */
    public boolean refusesCredentials() {
        return this == UNAUTHORIZED || this == TOKEN_MISSING;
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
