package io.acai.launcher.run;

import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.local.AppJars;
import io.acai.launcher.local.FreePort;
import io.acai.launcher.local.LocalRuntime;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.InferenceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The run loop against the real {@link LocalRuntime} (namespace mode as root, loopback otherwise),
 * with machines that run small shell programs instead of the apps so that the test stays light: a
 * cloud that waits, a camera that writes an {@code edge_inf.csv} like the edge app's, and one that
 * crashes at once.
 */
class ExperimentRunnerTest {

    /** Writes the columns the run loop follows (the others read as blank), a row every 0.3 s. */
    private static final String CAMERA = "printf '" + String.join(",", InferenceRow.END_TIME.name(),
            InferenceRow.FRAMES.name(), InferenceRow.ACCURACY.name(), InferenceRow.MODEL_VERSION.name())
            + "\\n' > edge_inf.csv; i=0; while true; do i=$((i+1)); echo \"$(date +%s)000,10,0.8,$i\""
            + " >> edge_inf.csv; sleep 0.3; done";

    private static ExperimentPlan plan(Path dir, String duration, boolean withCrash) throws Exception {
        String crash = withCrash
                ? ",{\"name\": \"flaky\", \"category\": \"client\", \"command\": [\"sh\", \"-c\", "
                        + "\"echo starting; echo 'fatal: camera lost'; exit 3\"]}"
                : "";
        Path config = Files.writeString(dir.resolve("exp.json"), """
                {"experiment": {"name": "runner-test", "duration": "%s", "samplePeriod": "1s"},
                 "machines": [
                   {"name": "cloud", "category": "server", "port": %d, "command": ["sh", "-c", "echo cloud up; sleep 300"]},
                   {"name": "cam", "category": "client", "command": ["sh", "-c", "%s"]}%s]}
                """.formatted(duration, FreePort.pick(), CAMERA.replace("\\", "\\\\").replace("\"", "\\\""), crash));
        return UserConfigReader.read(config, null);
    }

    private static LocalRuntime runtime(Path dir) {
        return new LocalRuntime(new AppJars(dir.resolve("no-cloud-app.jar"), dir.resolve("no-edge-app.jar")));
    }

    @Test
    void samplesCollectsShowsStatusAndReportsACrashedMachine(@TempDir Path dir) throws Exception {
        assumeThat(System.getProperty("os.name")).as("the local runtime runs on Linux").startsWith("Linux");
        Path logs = dir.resolve("logs");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunOptions options = new RunOptions(false, false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        RunResult result = new ExperimentRunner(plan(dir, "5s", true), runtime(dir), logs, options).run();

        assertThat(result.interrupted()).isFalse();
        assertThat(result.exited()).containsExactly("flaky");
        assertThat(result.exitCode()).isEqualTo(RunResult.MACHINE_EXITED);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).contains("machine flaky failed: it ended during the run with exit code 3; the others", "| fatal: camera lost",
                "not clean");

        List<ConsumptionRow> consumption = ConsumptionRow.SCHEMA.readAll(ConsumptionRow.SCHEMA.in(logs));
        for (String[] machine : new String[][] {{"cloud", "server"}, {"cam", "client"}}) {
            assertThat(consumption).anySatisfy(row -> {
                assertThat(row.time()).isGreaterThan(1e12);
                assertThat(row.machine()).isEqualTo(machine[0]);
                assertThat(row.role()).isEqualTo(machine[1]);
                assertThat(row.cpuCores()).isNotNaN().isNotNegative();
                assertThat(row.memoryMib()).isNotNaN().isNotNegative();
            });
        }

        String status = out.toString(StandardCharsets.UTF_8);
        assertThat(status).contains("runner-test [", "cloud", "RUNNING").containsPattern("cam +client +RUNNING +frames +\\d+  accuracy 0.80");

        // the camera appends a row every 0.3 s while it lives: four periods without one say it was stopped
        Path inference = logs.resolve("cam/edge_inf.csv");
        long size = Files.size(inference);
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(Files.size(inference)).as("the camera was stopped by the teardown")
                        .isEqualTo(size));
    }

    @Test
    void stopsEarlyWhenAskedAndTearsDownOnce(@TempDir Path dir) throws Exception {
        assumeThat(System.getProperty("os.name")).as("the local runtime runs on Linux").startsWith("Linux");
        Path logs = dir.resolve("logs");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunOptions options = new RunOptions(true, false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        ExperimentRunner runner = new ExperimentRunner(plan(dir, "10m", false), runtime(dir), logs, options);
        int[] afterClose = {0};
        runner.afterClose(() -> afterClose[0]++);
        // once the loop has sampled (its 1 s period), a run that is not quiet would have drawn the status
        Path consumption = ConsumptionRow.SCHEMA.in(logs);
        AtomicReference<Throwable> notSampled = new AtomicReference<>();
        Thread stopper = new Thread(() -> {
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(consumption)
                        && ConsumptionRow.SCHEMA.read(consumption).rows().stream()
                                .anyMatch(row -> row.machine().equals("cam") && row.role().equals("client")));
            } catch (Throwable e) {
                notSampled.set(e);
            } finally {
                runner.requestStop();
            }
        });
        stopper.start();

        RunResult result = runner.run();
        stopper.join();
        assertThat(notSampled.get()).as("a sample of the camera before the stop").isNull();

        assertThat(result.interrupted()).isTrue();
        assertThat(result.exitCode()).isEqualTo(RunResult.INTERRUPTED);
        assertThat(result.ran()).isLessThan(Duration.ofMinutes(10));
        assertThat(afterClose[0]).isEqualTo(1);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).as("quiet: no status lines").doesNotContain("[#").doesNotContain("frames");
        assertThat(text.split("removing what it created", -1)).as("one teardown").hasSize(2);
    }
}
