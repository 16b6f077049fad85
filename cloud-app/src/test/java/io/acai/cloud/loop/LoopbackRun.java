package io.acai.cloud.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.cloud.CloudApp;
import io.acai.cloud.CloudConfig;
import io.acai.cloud.retrain.DjlRetrainer;
import io.acai.cloud.retrain.PushPolicy;
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

    final Path dir;
    final CloudApp cloud;
    final List<EdgeApp> edges = new ArrayList<>();

    /**
     * @param minRetrainImages pending images that start a retrain: twice the threshold makes both
     *                         edges contribute to the first round
     */
    LoopbackRun(Path dir, ModelFiles model, boolean defaultModel, TrainingSettings training, int minRetrainImages,
                int replay, List<String> edgeIds, double rate, int uploadThreshold, float confidence) throws Exception {
        this.dir = dir;
        CloudConfig cloudConfig = new CloudConfig(0, dir.resolve("cloud/cloud.log"), dir.resolve("cloud/cloud.csv"), model,
                defaultModel, dir.resolve("cloud/models"), minRetrainImages, PushPolicy.CONTRIBUTORS, replay, TOKEN,
                Duration.ofSeconds(2), 1);
        cloud = CloudApp.start(cloudConfig, s -> new DjlRetrainer(s.cfg(), s.names(), training));
        try {
            for (String id : edgeIds) {
                Path out = dir.resolve(id);
                EdgeConfig config = new EdgeConfig("127.0.0.1", cloud.port(), out.resolve("inference.log"),
                        out.resolve("update.log"), out.resolve("edge_inf.csv"), out.resolve("edge_update.csv"), rate, id,
                        Optional.empty(), "classes", uploadThreshold, Optional.of(model), confidence, 0.3f, 1,
                        Optional.empty(), TOKEN, Optional.empty(), Duration.ZERO, Duration.ofSeconds(2));
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
