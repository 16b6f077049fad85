package io.acai.launcher.compare;

/** The comparison cannot be made: no runs found, a folder that is neither a run nor a campaign, a file not written. */
public final class CompareException extends Exception {

    public CompareException(String message) {
        super(message);
    }

    public CompareException(String message, Throwable cause) {
        super(message, cause);
    }
}
