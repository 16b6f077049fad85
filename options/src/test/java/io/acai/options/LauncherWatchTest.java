package io.acai.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: the test starts a parent JVM ({@link ParentJvm}, the launcher's stand-in), which starts an app JVM
 * ({@link WatchedApp}, whose {@code main} begins as the apps' do) with {@link LauncherWatch#jvmOptionForThisProcess()};
 * then the test kills the parent with SIGKILL and awaits the app's end.
 */
class LauncherWatchTest {

    @TempDir
    Path tmp;

    @Test
    void anAppEndsWhenTheLauncherThatStartedItIsKilledWithSigkill() throws Exception {
        Path stderr = tmp.resolve("app-stderr.txt");
        Process parent = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                ParentJvm.class.getName(), stderr.toString()).redirectErrorStream(true).start();
        ProcessHandle app;
        try {
            app = ProcessHandle.of(appPid(parent)).orElseThrow();
            // the app runs while its launcher does
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .alias("the app while its launcher runs").until(app::isAlive);
        } finally {
            parent.destroyForcibly(); // SIGKILL on Linux: no shutdown hook of the parent runs
        }
        long killed = System.nanoTime();
        parent.waitFor();
        assertThat(parent.exitValue()).as("the parent's exit status (128 + SIGKILL)").isEqualTo(137);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> !app.isAlive());
        System.out.printf("app ended %d ms after its launcher's SIGKILL%n", (System.nanoTime() - killed) / 1_000_000);
        assertThat(Files.readString(stderr)).contains("watched-app: the launcher (pid " + parent.pid()
                + ") that started this app ended; exiting with code 4");
    }

    @Test
    void aLivingProcessIsWatchedAndAGonePidEndsAtOnce() throws Exception {
        // the JVM that started this test's JVM lives on
        assertThat(LauncherWatch.watch(ProcessHandle.current().parent().orElseThrow().pid())).isNotDone();
        Process shortLived = new ProcessBuilder(java(), "-version").start();
        long pid = shortLived.pid();
        shortLived.waitFor();
        // reaped: the pid names no process now (or, reused, another one started later)
        assertThat(LauncherWatch.watch(pid).get(15, java.util.concurrent.TimeUnit.SECONDS)).isNull();
    }

    private static long appPid(Process parent) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new java.util.ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("app pid ")) {
                return Long.parseLong(line.substring("app pid ".length()).trim());
            }
            seen.add(line);
        }
        throw new AssertionError("the parent JVM ended without starting the app: " + seen);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The launcher's stand-in: starts {@link WatchedApp} as the local runtime starts an app, prints its pid, waits. */
    public static final class ParentJvm {

        public static void main(String[] args) throws Exception {
            Process app = new ProcessBuilder(java(), LauncherWatch.jvmOptionForThisProcess(), "-cp",
                    System.getProperty("java.class.path"), WatchedApp.class.getName())
                    .redirectError(Path.of(args[0]).toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            System.out.println("app pid " + app.pid());
            System.out.flush();
            // killed by the test long before: the app must then end on its own
            app.waitFor(5, TimeUnit.MINUTES);
        }
    }

    /** An app: its {@code main} starts the watch as the cloud's and the edge's do, then waits to be ended. */
    public static final class WatchedApp {

        public static void main(String[] args) throws Exception {
            LauncherWatch.fromProperty("watched-app");
            // nothing counts it down: only the watch, when the launcher goes, ends this JVM (5 minutes at most)
            new CountDownLatch(1).await(5, TimeUnit.MINUTES);
        }
    }
}
