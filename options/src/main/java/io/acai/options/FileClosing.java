package io.acai.options;

import java.io.IOException;

/**
 * Closes an app's files one after another, each whatever the others did. A failure to close (the last buffered
 * bytes not written) is rethrown at the end, unless the app is ending on a reported {@link AppFailure} already: then
 * it is the same fault again (a full disk, a broken file) and the app's exit code and last line say so.
 */
public final class FileClosing {

    private final AppFailure failure;
    private IOException first;

    public FileClosing(AppFailure failure) {
        this.failure = failure;
    }

    public void close(AutoCloseable file) {
        try {
            file.close();
        } catch (Exception e) {
            IOException problem = e instanceof IOException io ? io : new IOException(e);
            if (first == null) {
                first = problem;
            } else {
                first.addSuppressed(problem);
            }
        }
    }

    /** Throws the first failure to close, unless a fault was reported before. */
    public void rethrow() throws IOException {
        if (first != null && failure.reason().isEmpty()) {
            throw first;
        }
    }
}
