package io.acai.launcher.run;

import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.local.AppJars;
import io.acai.launcher.local.FreePort;
import io.acai.launcher.local.LocalRuntime;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.records.run.InferenceRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher's own CPU while an experiment runs: the whole run loop (sampling into
 * {@code consumption.csv}, collecting, following every edge's {@code edge_inf.csv}, redrawing the
 * status every second as on a terminal) for 1 cloud + 10 edges on the real {@link LocalRuntime},
 * machines being small shell programs that write {@code edge_inf.csv} rows like the edge app. Prints
 * the CPU of the run loop's thread and of the whole launcher JVM per second of run.
 * {@code mvn -B test -Pbenchmarks -pl launcher -am -Dtest=RunLoopCpuBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class RunLoopCpuBenchmark {

    /** Writes the columns the run loop follows (the others read as blank), a row every second. */
    private static final String CAMERA = "printf '" + String.join(",", InferenceRow.END_TIME.name(),
            InferenceRow.FRAMES.name(), InferenceRow.ACCURACY.name(), InferenceRow.MODEL_VERSION.name())
            + "\\\\n' > edge_inf.csv; while true; do echo \\\"$(date +%s)000,10,0.8,1\\\""
            + " >> edge_inf.csv; sleep 1; done";

    @ParameterizedTest(name = "status redrawn every second: {0}")
    @ValueSource(booleans = {true, false})
    void launcherCpuDuringARun(boolean interactive, @TempDir Path dir) throws Exception {
        StringJoiner edges = new StringJoiner(",\n");
        for (int i = 0; i < 10; i++) {
            edges.add("{\"name\": \"edge" + i + "\", \"category\": \"client\", \"command\": [\"sh\", \"-c\", \"" + CAMERA + "\"]}");
        }
        Path config = Files.writeString(dir.resolve("bench.json"), """
                {"experiment": {"name": "cpu-bench", "duration": "60s", "samplePeriod": "10s"},
                 "machines": [{"name": "cloud", "category": "server", "port": %d, "command": ["sh", "-c", "sleep 600"]},
                 %s]}
                """.formatted(FreePort.pick(), edges));
        ExperimentPlan plan = UserConfigReader.read(config, null);
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        ExperimentRunner runner = new ExperimentRunner(plan,
                new LocalRuntime(new AppJars(dir.resolve("none.jar"), dir.resolve("none.jar"))), dir.resolve("logs"),
                new RunOptions(false, interactive, sink, sink));

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long runnerThread = Thread.currentThread().getId();
        Path lastCsv = dir.resolve("logs/edge9/edge_inf.csv");
        long[] window = new long[5];
        Thread meter = new Thread(() -> {
            try {
                await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(lastCsv));
                Thread.sleep(5_000); // settle, then measure a 40 s window: the benchmark's own schedule
                window[0] = System.nanoTime();
                window[1] = ManagementFactory.getThreadMXBean().getThreadCpuTime(runnerThread);
                window[2] = os.getProcessCpuTime();
                Thread.sleep(40_000);
                window[0] = System.nanoTime() - window[0];
                window[1] = ManagementFactory.getThreadMXBean().getThreadCpuTime(runnerThread) - window[1];
                window[2] = os.getProcessCpuTime() - window[2];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        meter.start();
        RunResult result = runner.run();
        meter.join();

        double seconds = window[0] / 1e9;
        System.out.printf(Locale.ROOT, "run loop (%s), 11 machines, steady %.1f s window of a %.1f s run: run-loop thread "
                + "%.0f ms CPU (%.2f%% of a core), launcher JVM %.0f ms CPU (%.2f%% of a core)%n",
                interactive ? "status every second" : "status every sample period", seconds,
                result.ran().toMillis() / 1000.0, window[1] / 1e6, window[1] / 1e7 / seconds, window[2] / 1e6,
                window[2] / 1e7 / seconds);
        assertThat(result.exited()).isEmpty();
        assertThat(seconds).as("the window lay inside the run").isGreaterThan(39);
    }
}
