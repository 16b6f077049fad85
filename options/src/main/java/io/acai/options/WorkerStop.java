package io.acai.options;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops an app's worker thread and waits for it, so that nothing it was doing writes to a log or CSV after the app
 * closed them (a write to a closed file is a write failure, and ends a running app with exit code 5).
 */
public final class WorkerStop {

    private WorkerStop() {
    }

    /**
     * Interrupts {@code worker}'s task, drops the queued ones and waits up to {@code wait} for its thread to end.
     *
     * @return whether it ended in time
     */
    public static boolean now(ExecutorService worker, Duration wait) {
        worker.shutdownNow();
        try {
            return worker.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
