package io.acai.options;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Ends an app when the launcher that started it ends, however it ends ({@code kill -9} included). The local runtime
 * starts the apps with {@code -Dacai.launcher.pid=<its pid>}; an app's {@code main} calls {@link #fromProperty}, which
 * watches that process with {@link ProcessHandle#onExit()} (for a process that is not its parent's child, the JDK polls
 * it and compares its start time, so a reused pid is not mistaken for the launcher) and exits with
 * {@link #EXIT_LAUNCHER_ENDED} once it is gone, through {@link System#exit} so that the app's shutdown hook closes its
 * files. Without the property (an app started by hand, or in a Kubernetes pod) nothing is watched.
 *
 * <p>A system property rather than a pipe on stdin: a hand-started app whose stdin is {@code /dev/null} or a closed
 * terminal would end at once on the pipe's end of file; the pid is watched whatever wraps the app
 * ({@code ip netns exec}, the shell that joins the cgroups), since the network namespaces share the launcher's pid
 * namespace; and the apps' command lines stay as they are.
 */
public final class LauncherWatch {

    /** The system property holding the launcher's pid. */
    public static final String PROPERTY = "acai.launcher.pid";
    /** Exit code of an app whose launcher ended. */
    public static final int EXIT_LAUNCHER_ENDED = 4;
    /** How long the shutdown hooks may take before the JVM is halted. */
    static final long HALT_AFTER_MILLIS = 30_000;

    private LauncherWatch() {
    }

    /** The JVM option that makes an app watch the current process. */
    public static String jvmOptionForThisProcess() {
        return "-D" + PROPERTY + "=" + ProcessHandle.current().pid();
    }

    /**
     * Watches the launcher named by {@link #PROPERTY}, when it is set; {@code app} names the app in the line it prints
     * to standard error before it exits. A value that is not a pid is reported and ignored.
     */
    public static void fromProperty(String app) {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            System.err.println(app + ": -D" + PROPERTY + "=" + value + " is not a pid; the launcher is not watched");
            return;
        }
        watch(pid).thenRun(() -> exit(app, pid));
    }

    /** Completes when process {@code pid} has ended (at once when there is no such process). */
    static CompletableFuture<Void> watch(long pid) {
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            return CompletableFuture.completedFuture(null);
        }
        return launcher.get().onExit().thenApply(handle -> null);
    }

    private static void exit(String app, long pid) {
        System.err.println(app + ": the launcher (pid " + pid + ") that started this app ended; exiting with code "
                + EXIT_LAUNCHER_ENDED);
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(EXIT_LAUNCHER_ENDED);
        }, "acai-launcher-ended-halt");
        halt.setDaemon(true);
        halt.start();
        new Thread(() -> System.exit(EXIT_LAUNCHER_ENDED), "acai-launcher-ended").start();
    }
}
