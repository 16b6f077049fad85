package io.acai.cloud.loop;

import static org.awaitility.Awaitility.await;

import io.acai.cloud.CloudApp;
import io.acai.cloud.CloudConfig;
import io.acai.cloud.retrain.DjlRetrainer;
import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.EdgeApp;
import io.acai.edge.EdgeConfig;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One full update with the official YOLOv3-tiny cfg at 416x416 (80 classes; no pretrained weights are shipped, so
 * {@link DarknetWeights#initial} gives valid ones and every frame is mispredicted): an edge on COCO128 photos
 * uploads 8 of them (letterboxed to 416x416), the cloud retrains one epoch at batch 8, pushes, the edge swaps. It
 * reports the round's split from {@code edge_update.csv} and {@code cloud.csv}, and this JVM's peak resident memory
 * (cloud, edge and the test harness together, under surefire's {@code -Xmx6g}, so an upper bound on the cloud's)
 * beside the default cloud's limit, 2 GiB ({@code user_config.json}). Run by the
 * {@code benchmarks} profile:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=Yolov3TinyRoundBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class Yolov3TinyRoundBenchmark {

    static final long CLOUD_LIMIT_BYTES = 2L << 30;

    @TempDir
    Path tmp;

    @Test
    void oneUpdateInsideTheCloudsMemoryLimit() throws Exception {
        Path cfg = SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg");
        Path names = SharedData.resolve("data/darknet/data/coco.names");
        Path data = SharedData.resolve("data/coco128");
        Path weights = tmp.resolve("yolov3-tiny.weights");
        DarknetWeights.initial(DarknetConfig.read(cfg), 1).write(weights);
        ModelFiles model = new ModelFiles(cfg, weights, names);
        TrainingSettings training = TrainingSettings.builder().setEpochs(1).setBatchSize(8)
                .optDevice(TrainingDevice.CPU).optSeed(1).build();
        CloudConfig cloudConfig = CloudConfig.builder().setPort(0).setLogFile(tmp.resolve("cloud/cloud.log"))
                .setCsvFile(tmp.resolve("cloud/cloud.csv")).setModel(model).setStoreDir(tmp.resolve("cloud/models"))
                .optMinRetrainImages(8).optHoldoutFrames(0).build();
        long start = System.nanoTime();
        Path out = tmp.resolve("edge-1");
        try (CloudApp cloud = CloudApp.start(cloudConfig, s -> new DjlRetrainer(s.cfg(), s.names(), training))) {
            EdgeConfig config = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(cloud.port())
                    .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                    .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                    .setRequestsPerSecond(4).setEdgeId("edge-1").optData(data).optJudge("iou").optUploadThreshold(8)
                    .optModel(model).optConfidence(0.25f).optThreads(1).build();
            try (EdgeApp edge = EdgeApp.start(config, new OpenCvDetectorLoader(new DetectorSettings(0.25f, 0.3f, 1)),
                    FrameJudge.named("iou")::correct)) {
                await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500))
                        .until(() -> edge.modelVersion() >= 1);
            }
        }
        UpdateRow update = UpdateRow.SCHEMA.readAll(UpdateRow.SCHEMA.in(out)).get(0);
        RetrainRow retrain = RetrainRow.SCHEMA.readAll(tmp.resolve("cloud/cloud.csv")).get(0);
        long peak = peakResidentBytes();
        System.out.printf(Locale.ROOT, "yolov3-tiny 416x416, 80 classes, %d images of COCO128 (%,d bytes up, %.1f KB "
                        + "per image; %,d bytes of weights down): round %.1f s = upload %.1f s, retrain+save+push %.1f s "
                        + "(training %d epoch at batch 8), load and swap %.1f s; peak resident memory of this JVM "
                        + "(cloud and edge) %d MiB of the cloud's %d MiB limit; %d s in all%n",
                (int) update.images(), (long) update.bytesUp(), update.bytesUp() / update.images() / 1000,
                (long) update.bytesDown(), (update.updateEnd() - update.updateStart()) / 1000,
                (update.sendEnd() - update.updateStart()) / 1000, (update.receive() - update.sendEnd()) / 1000,
                (int) retrain.epochs(), (update.updateEnd() - update.receive()) / 1000, peak >> 20,
                CLOUD_LIMIT_BYTES >> 20, (System.nanoTime() - start) / 1_000_000_000L);
    }

    /** {@code VmHWM} of /proc/self/status, in bytes. */
    private static long peakResidentBytes() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/status"));
        for (String line : lines) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
