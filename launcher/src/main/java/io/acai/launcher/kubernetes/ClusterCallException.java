package io.acai.launcher.kubernetes;

/**
 * A call to the Kubernetes API failed; the message says which call, why, and what the user can do
 * about it. {@link #code()} is the HTTP status (0 when the server could not be reached at all).
 */
public final class ClusterCallException extends RuntimeException {

    private final int code;

    ClusterCallException(String message, int code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** HTTP status of the failed call; 0 when no answer came back. */
    public int code() {
        return code;
    }

    public boolean isNotFound() {
        return code == 404;
    }
}
