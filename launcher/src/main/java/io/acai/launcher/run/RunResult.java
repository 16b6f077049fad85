package io.acai.launcher.run;

import java.time.Duration;
import java.util.List;

/**
 * How a run ended.
 *
 * @param interrupted stopped early by Ctrl-C or SIGTERM
 * @param exited machines whose process or pod ended before the experiment did (crashes, in practice)
 * @param ran how long the machines ran
 */
public record RunResult(boolean interrupted, List<String> exited, Duration ran) {

    /** Exit code when every machine ran the whole duration. */
    public static final int CLEAN = 0;
    /** Exit code when a machine ended during the run. */
    public static final int MACHINE_EXITED = 3;
    /** Exit code when the run was stopped early by a signal (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    public RunResult {
        exited = List.copyOf(exited);
    }

    public int exitCode() {
        if (!exited.isEmpty()) {
            return MACHINE_EXITED;
        }
        return interrupted ? INTERRUPTED : CLEAN;
    }
}
