package io.acai.cloud.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.cloud.CloudApp;
import io.acai.cloud.CloudConfig;
import io.acai.cloud.retrain.DjlRetrainer;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.dataset.metrics.FrameJudge;
import io.acai.edge.EdgeApp;
import io.acai.edge.EdgeConfig;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.training.TrainingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One cloud and some edges on loopback, in this JVM, all real: TCP, OpenCV inference, DJL
 * retraining. Edges see the drift scenario drifted from their first frame.
 */
final class LoopbackRun implements AutoCloseable {

    static final String TOKEN = "loop-token";
    /** Held-out frames of each style the cloud scores every version on: few, the loop is what these tests check. */
    static final int HOLDOUT_FRAMES = 6;

    final Path dir;
    final CloudApp cloud;
    final List<EdgeApp> edges = new ArrayList<>();

    /**
     * @param minRetrainImages pending images that start a retrain: twice the threshold makes both
     *                         edges contribute to the first round
     */
    LoopbackRun(Path dir, ModelFiles model, boolean sceneModel, TrainingSettings training, int minRetrainImages,
                int replay, List<String> edgeIds, double rate, int uploadThreshold, float confidence) throws Exception {
        this.dir = dir;
        CloudConfig cloudConfig = CloudConfig.builder().setPort(0).setLogFile(dir.resolve("cloud/cloud.log"))
                .setCsvFile(dir.resolve("cloud/cloud.csv")).setModel(model).setStoreDir(dir.resolve("cloud/models"))
                .optSceneModel(sceneModel).optMinRetrainImages(minRetrainImages).optReplay(replay).optToken(TOKEN)
                .optHeartbeatInterval(Duration.ofSeconds(2))
                .optHoldoutFrames(HOLDOUT_FRAMES).optHoldoutConfidence(confidence)
                .build();
        cloud = CloudApp.start(cloudConfig, s -> new DjlRetrainer(s.cfg(), s.names(), training));
        try {
            for (String id : edgeIds) {
                Path out = dir.resolve(id);
                EdgeConfig config = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(cloud.port())
                        .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                        .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                        .setRequestsPerSecond(rate).setEdgeId(id)
                        .optUploadThreshold(uploadThreshold).optModel(model).optConfidence(confidence).optThreads(1)
                        .optToken(TOKEN).optDriftAfter(Duration.ZERO).optHeartbeatInterval(Duration.ofSeconds(2))
                        .build();
                edges.add(EdgeApp.start(config, new OpenCvDetectorLoader(new DetectorSettings(confidence, 0.3f, 1)),
                        FrameJudge.named("classes")::correct));
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Waits until every edge serves at least {@code version}; fails the test when they do not in time. */
    void awaitAllServing(int version, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(edges)
                .as("every edge serves v%d or later", version).allMatch(e -> e.modelVersion() >= version));
    }

    @Override
    public void close() throws Exception {
        for (EdgeApp edge : edges) {
            edge.close();
        }
        cloud.close();
    }
}
