package io.acai.options;

import java.util.Arrays;
import java.util.Optional;

/**
 * The exit codes of the project's two apps, cloud-app.jar and edge-app.jar, with what each means; the launcher
 * names the meaning when a machine ends during a run. The cloud never exits with {@link #REFUSED}.
 */
public enum AppExitCode {

    ENDED(0, "the run ended"),
    FAILED(1, "it failed"),
    USAGE(2, "usage error"),
    REFUSED(3, "refused by the cloud for a missing or wrong token"),
    LAUNCHER_ENDED(LauncherWatch.EXIT_LAUNCHER_ENDED, "the launcher that started it ended"),
    WORKER_FAILED(5, "a write failed or a worker thread died");

    private final int code;
    private final String meaning;

    AppExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The code's meaning for the project's apps, empty for another code (a signal's 137, a user's command). */
    public static Optional<AppExitCode> of(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
