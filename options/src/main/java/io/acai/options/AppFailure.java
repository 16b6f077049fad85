package io.acai.options;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The first fault an app cannot go on after: a failed write of one of its files, or a worker thread that died
 * (the cloud's retrain thread, the edge's inference thread). Whichever thread meets it reports it here; the app's
 * main thread waits on {@link #reported()} besides its duration, then stops serving (so it never takes work it will
 * not do), closes what it can and exits with {@link AppExitCode#WORKER_FAILED}, printing {@link #line(String)} as
 * its last line. Only the first report counts. Thread-safe.
 */
public final class AppFailure {

    private final CompletableFuture<String> first = new CompletableFuture<>();

    /**
     * Reports a fault; returns whether it was the first.
     *
     * @param what what failed, for example {@code "the retrain thread"} or {@code "writing cloud.csv"}
     */
    public boolean report(String what, Throwable cause) {
        return first.complete(what + " failed: " + cause);
    }

    /**
     * {@code body} as a thread's body that reports any throwable escaping it as the death of {@code what}; an
     * interrupt that ends the body is not a fault.
     */
    public Runnable guard(String what, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable e) {
                report(what, e);
                throw e;
            }
        };
    }

    /** Completes with the first fault's description once one is reported. */
    public CompletableFuture<String> reported() {
        return first;
    }

    /** The first fault's description, once reported. */
    public Optional<String> reason() {
        return Optional.ofNullable(first.getNow(null));
    }

    /** The app's last line on standard error for the first fault, naming the exit code. */
    public String line(String app) {
        return app + ": " + reason().orElse("no fault") + "; stopping (exit code " + AppExitCode.WORKER_FAILED.code()
                + ": " + AppExitCode.WORKER_FAILED.meaning() + ")";
    }
}
