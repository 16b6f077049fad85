package io.acai.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.model.TestModels;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.UpdateRow;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.SceneDatasets;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edge on its own (no cloud listening): frames from a YOLO dataset folder, outputs written. */
class EdgeAppTest {

    @TempDir
    Path tmp;

    @Test
    void servesFramesFromADatasetAndBuffersUploadsWithoutACloud() throws Exception {
        Path data = SceneDatasets.write(DriftScenario.builder("ds").driftAt(0).build(), 12, tmp.resolve("ds"));
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path out = tmp.resolve("out");
        EdgeConfig config = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(port)
                .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                .setRequestsPerSecond(20).setEdgeId("edge-ds")
                .optData(data).optJudge("iou").optUploadThreshold(3).optModel(model).optThreads(1)
                .optDuration(Duration.ofSeconds(3)).optDriftAfter(Duration.ZERO)
                .optHeartbeatInterval(Duration.ofSeconds(2))
                .build();
        try (EdgeApp edge = EdgeApp.start(config, new OpenCvDetectorLoader(new DetectorSettings(0.8f, 0.3f, 1)),
                FrameJudge.named("iou")::correct)) {
            edge.awaitDuration();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(edge.inferences())
                    .as("more requests than images: the dataset is read round").isGreaterThanOrEqualTo(20));
        }
        assertThat(Files.readString(out.resolve("inference.log"))).contains("frames from dataset " + data)
                .contains("12 images").contains("METRIC run requests=")
                .containsPattern("METRIC run .* p50_wait_ms=\\d+\\.\\d{3} p95_wait_ms=\\d+\\.\\d{3} p99_wait_ms=");
        assertThat(Files.readString(out.resolve("update.log"))).contains("upload of").contains("cannot connect");
        List<InferenceRow> rows = InferenceRow.SCHEMA.readAll(out.resolve("edge_inf.csv"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2).allSatisfy(row -> {
            assertThat(row.endTime()).isGreaterThan(1e12);
            assertThat(row.avgInfMs()).isPositive();
            assertThat(row.frames()).isEqualTo(10);
            assertThat(row.accuracy()).isBetween(0.0, 1.0);
            assertThat(row.modelVersion()).isEqualTo("0");
        });
        assertThat(UpdateRow.SCHEMA.readAll(out.resolve("edge_update.csv"))).as("no cloud, no update").isEmpty();
    }

    @Test
    void aStaticControlServesItsFramesWithTheStartingModelAndNeverTouchesTheCloud() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        Path out = tmp.resolve("out");
        long seed = DriftScenario.seedOf("edge-near");
        try (ServerSocket cloud = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            EdgeConfig config = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(cloud.getLocalPort())
                    .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                    .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                    .setRequestsPerSecond(20).setEdgeId("edge-near-static")
                    .optUploadThreshold(1).optModel(model).optThreads(1).optSeed(seed)
                    .optDriftAfter(Duration.ZERO).optHeartbeatInterval(Duration.ofMillis(200))
                    .optStaticControl(true)
                    .build();
            try (EdgeApp edge = EdgeApp.start(config, new OpenCvDetectorLoader(new DetectorSettings(0.8f, 0.3f, 1)),
                    FrameJudge.named("classes")::correct)) {
                assertThat(edge.isStaticControl()).isTrue();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(edge.inferences())
                        .as("frames served").isGreaterThanOrEqualTo(20));
                // a learning edge with an upload threshold of 1 would have connected long before this
                cloud.setSoTimeout(1_500);
                assertThatThrownBy(cloud::accept).as("a connection to the cloud's port")
                        .isInstanceOf(java.net.SocketTimeoutException.class);
                assertThat(edge.connected()).isFalse();
                assertThat(edge.modelVersion()).isZero();
            }
        }
        String inferenceLog = Files.readString(out.resolve("inference.log"));
        String updateLog = Files.readString(out.resolve("update.log"));
        assertThat(inferenceLog.split(java.util.regex.Pattern.quote(EdgeApp.STATIC_NOTE), -1))
                .as("the static note, once").hasSize(2);
        assertThat(inferenceLog).contains("synthetic drift scenario of camera edge-near-static (seed " + seed + ",");
        assertThat(updateLog).contains(EdgeApp.STATIC_NOTE).doesNotContain("upload of").doesNotContain("cannot connect")
                .doesNotContain("cloud at");
        assertThat(InferenceRow.SCHEMA.readAll(out.resolve("edge_inf.csv"))).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(row -> assertThat(row.modelVersion()).isEqualTo("0"));
        assertThat(Files.readAllLines(out.resolve("edge_update.csv"))).as("edge_update.csv: its header only")
                .containsExactly(String.join(",", UpdateRow.SCHEMA.header()));
    }

    @Test
    void aFailedStartClosesTheFilesItOpened() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        Path out = tmp.resolve("out");
        Path missing = tmp.resolve("no-such-dataset");
        EdgeConfig config = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(1)
                .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                .setRequestsPerSecond(20).setEdgeId("edge-x")
                .optData(missing).optJudge("iou").optUploadThreshold(3).optModel(model).optThreads(1)
                .optDriftAfter(Duration.ZERO).optHeartbeatInterval(Duration.ofSeconds(2))
                .build();

        assertThatThrownBy(() -> EdgeApp.start(config, new OpenCvDetectorLoader(new DetectorSettings(0.8f, 0.3f, 1)),
                FrameJudge.named("iou")::correct)).isInstanceOf(IOException.class).hasMessageContaining(missing.toString());

        assertThat(out.resolve("inference.log")).exists();
        assertThat(openDescriptorsUnder(out)).as("descriptors of this process still open under " + out).isEmpty();
    }

    /** The files under {@code dir} this process holds open (Linux: /proc/self/fd); empty elsewhere. */
    private static List<Path> openDescriptorsUnder(Path dir) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        List<Path> open = new ArrayList<>();
        try (var links = Files.list(fds)) {
            for (Path link : links.toList()) {
                try {
                    Path target = Files.readSymbolicLink(link);
                    if (target.startsWith(dir.toAbsolutePath())) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        return open;
    }
}
