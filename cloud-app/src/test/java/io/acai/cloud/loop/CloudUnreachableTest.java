package io.acai.cloud.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.cloud.CloudApp;
import io.acai.cloud.CloudConfig;
import io.acai.cloud.retrain.DjlRetrainer;
import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.EdgeApp;
import io.acai.edge.EdgeConfig;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.model.TestModels;
import io.acai.training.TrainingSettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edge started while the cloud is down serves inference, keeps retrying, and delivers the batch
 * it could not send once the cloud comes up; a cloud restart costs the edge nothing but a reconnect.
 */
class CloudUnreachableTest {

    @TempDir
    Path tmp;

    @Test
    void theEdgeInfersWhileTheCloudIsDownAndDeliversItsBatchWhenItComesUp() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 3);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path out = tmp.resolve("edge");
        EdgeConfig edgeConfig = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(port)
                .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                .setRequestsPerSecond(10).setEdgeId("edge-z")
                .optUploadThreshold(4).optModel(model).optThreads(1)
                .optDriftAfter(Duration.ZERO).optHeartbeatInterval(Duration.ofSeconds(2))
                .build();
        try (EdgeApp edge = EdgeApp.start(edgeConfig, new OpenCvDetectorLoader(new DetectorSettings(0.8f, 0.3f, 1)),
                FrameJudge.named("classes")::correct)) {
            awaitInferences(edge, 20);
            assertThat(edge.connected()).isFalse();
            String updateLog = Files.readString(out.resolve("update.log"));
            assertThat(updateLog).contains("cannot connect to 127.0.0.1:" + port).contains("inference goes on");
            assertThat(updateLog).contains("upload of").contains("mispredicted frames as batch");

            CloudConfig cloudConfig = cloudConfig(port, tmp.resolve("cloud"), tmp.resolve("cloud/models"), model);
            TrainingSettings training = TrainingSettings.of(1, 4);
            try (CloudApp cloud = CloudApp.start(cloudConfig, s -> new DjlRetrainer(s.cfg(), s.names(), training))) {
                awaitPending(cloud, 4);
                assertThat(edge.connected()).isTrue();
            }
            // the cloud went away: the edge goes on inferring and retrying
            long before = edge.inferences();
            awaitInferences(edge, before + 10);
            CloudConfig again = cloudConfig(port, tmp.resolve("cloud2"), tmp.resolve("cloud/models"), model);
            try (CloudApp restarted = CloudApp.start(again,
                    s -> new DjlRetrainer(s.cfg(), s.names(), training))) {
                awaitLog(tmp.resolve("cloud2/cloud.log"), "edge edge-z connected");
            }
        }
        assertThat(Files.readString(tmp.resolve("cloud/cloud.log"))).contains("METRIC upload edge=edge-z");
    }

    /** A cloud that never retrains (the threshold is out of reach), logging under {@code dir}. */
    private static CloudConfig cloudConfig(int port, Path dir, Path store, ModelFiles model) {
        return CloudConfig.builder().setPort(port)
                .setLogFile(dir.resolve("cloud.log")).setCsvFile(dir.resolve("cloud.csv")).setModel(model)
                .setStoreDir(store).optMinRetrainImages(100_000)
                .optHeartbeatInterval(Duration.ofSeconds(2))
                .build();
    }

    private static void awaitInferences(EdgeApp edge, long count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(edge.inferences()).isGreaterThanOrEqualTo(count));
    }

    private static void awaitPending(CloudApp cloud, int images) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(cloud.uploads().pendingImages()).isGreaterThanOrEqualTo(images));
    }

    private static void awaitLog(Path log, String text) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(log).content().contains(text));
    }
}
