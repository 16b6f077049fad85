package io.acai.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.model.TestModels;
import io.acai.options.AppExitCode;
import io.acai.testkit.ConsoleCapture;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed write or a dead inference thread ends the edge with exit code 5 and a line saying what failed, well
 * before its duration; before, the inference thread died (or logged every failed row) and the edge ran on.
 */
class EdgeFaultTest {

    @TempDir
    Path tmp;

    /**
     * {@code edge_inf.csv} is a named pipe whose reader takes the header and goes away: the first row's write fails
     * with a broken pipe, for any user (root included), as a full disk would fail it.
     */
    @Test
    void aFailedCsvWriteEndsTheEdgeWithExitCode5AndSaysWhichFile() throws Exception {
        Path csv = tmp.resolve("out/edge_inf.csv");
        Files.createDirectories(csv.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", csv.toString()).inheritIO().start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "needs mkfifo");
        CompletableFuture<String> header = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(csv.toFile()),
                    StandardCharsets.UTF_8))) {
                return in.readLine(); // then the reader closes: the pipe is broken
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        Path out = csv.getParent();
        long started = System.nanoTime();
        ConsoleCapture run = ConsoleCapture.run(() -> EdgeMain.run(new String[] {"127.0.0.1", "1",
                out.resolve("inference.log").toString(), out.resolve("update.log").toString(), csv.toString(),
                out.resolve("edge_update.csv").toString(), "20", "edge-f", "--static", "--model",
                model.cfg().getParent().toString(), "--threads", "1", "--duration", "120s"}));
        assertThat(header.get(10, TimeUnit.SECONDS)).startsWith("end_time,");
        assertThat(run.exitCode()).isEqualTo(AppExitCode.WORKER_FAILED.code()).isEqualTo(5);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(100));
        assertThat(run.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("edge-app: writing " + csv + " failed: java.io.IOException: Broken pipe")
                .endsWith("; stopped (exit code 5: a write failed or a worker thread died)");
        assertThat(Files.readString(out.resolve("inference.log")))
                .contains("INFO stopped: writing " + csv + " failed: java.io.IOException: Broken pipe");
    }

    @Test
    void aDeadInferenceThreadEndsTheEdgeBeforeItsDuration() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        Path out = tmp.resolve("out");
        EdgeConfig config = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(1)
                .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                .setRequestsPerSecond(20).setEdgeId("edge-d").optModel(model).optThreads(1)
                .optDuration(Duration.ofSeconds(120)).optStaticControl(true)
                .build();
        FrameJudge judge = FrameJudge.named("classes");
        int[] frames = {0};
        try (EdgeApp edge = EdgeApp.start(config, new OpenCvDetectorLoader(new DetectorSettings(0.8f, 0.3f, 1)),
                (detections, objects) -> {
                    if (++frames[0] == 5) {
                        throw new StackOverflowError("simulated: the inference thread dies");
                    }
                    return judge.correct(detections, objects);
                })) {
            long started = System.nanoTime();
            edge.awaitDuration();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
            assertThat(edge.failure().reason()).hasValue(
                    "the inference thread failed: java.lang.StackOverflowError: simulated: the inference thread dies");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(out.resolve("inference.log")).content()
                .contains("INFO stopped: the inference thread failed"));
    }
}
