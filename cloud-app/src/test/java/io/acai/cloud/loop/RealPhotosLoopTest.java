package io.acai.cloud.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.cloud.CloudApp;
import io.acai.cloud.CloudConfig;
import io.acai.cloud.retrain.DjlRetrainer;
import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.SharedData;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.EdgeApp;
import io.acai.edge.EdgeConfig;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.edge.upload.UploadEncoding;
import io.acai.records.run.HoldoutRow;
import io.acai.records.run.InferenceRow;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop of {@code experiments/real-photos.json} in one JVM: a real darknet model (Yolo-Fastest 1.1, COCO, 320x320)
 * on real photos (COCO128 from {@code ../shared}) that turn to night from the first frame, one learning edge and its
 * static control, and the cloud scoring every version on the held-out photos no edge serves, as they are and at
 * night. The gain over the control is the latest version's held-out night mAP@0.5 against the starting model's
 * (what the control serves throughout); forgetting is the same on the held-out day photos.
 */
class RealPhotosLoopTest {

    static final String MODEL = "data/yolo-fastest/yolo-fastest-1.1_coco";
    static final String DATA = "data/coco128";
    static final String DRIFT = "night";
    static final float CONF = 0.25f;
    static final int ROUNDS = 1;
    static final int EPOCHS = 2;
    static final float LR = 5e-5f;
    static final int REPLAY = 64;
    static final int ANCHORS = 16;
    static final int ROUND_IMAGES = 16;
    static final double MIN_GAIN = 0.015;

    @TempDir
    Path tmp;

    @Test
    void retrainingOnNightPhotosBeatsTheStaticControlOnHeldOutNightPhotos() throws Exception {
        Path folder = SharedData.resolve(MODEL);
        Path data = SharedData.resolve(DATA);
        ModelFiles model = new ModelFiles(folder.resolve("yolo-fastest-1.1.cfg"),
                folder.resolve("yolo-fastest-1.1.weights"), folder.resolve("coco.names"));
        TrainingSettings training = TrainingSettings.builder().setEpochs(EPOCHS).setBatchSize(8)
                .optLearningRate(LR).optFreezeBackbone(true).optDevice(TrainingDevice.CPU).optSeed(1).build();
        CloudConfig cloudConfig = CloudConfig.builder().setPort(0).setLogFile(tmp.resolve("cloud/cloud.log"))
                .setCsvFile(tmp.resolve("cloud/cloud.csv")).setModel(model).setStoreDir(tmp.resolve("cloud/models"))
                .optMinRetrainImages(ROUND_IMAGES).optReplay(REPLAY).optAnchors(ANCHORS).optAnchorData(data)
                .optHeartbeatInterval(Duration.ofSeconds(2))
                .optHoldoutFrames(40).optHoldoutJudge("iou").optHoldoutConfidence(CONF)
                .optHoldoutData(data).optHoldoutDrift(DRIFT)
                .build();
        long start = System.nanoTime();
        try (CloudApp cloud = CloudApp.start(cloudConfig, s -> new DjlRetrainer(s.cfg(), s.names(), training));
             EdgeApp edge = edge(cloud.port(), "edge-1", model, data, false);
             EdgeApp control = edge(0, "edge-1-static", model, data, true)) {
            Path holdout = tmp.resolve("cloud/holdout.csv");
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        Files.exists(holdout) && HoldoutRow.SCHEMA.readAll(holdout).stream()
                                .anyMatch(r -> Integer.parseInt(r.modelVersion()) >= ROUNDS));
            } finally {
                Files.readAllLines(tmp.resolve("cloud/cloud.log")).stream()
                        .filter(l -> l.contains("holdout") || l.contains("held-out") || l.contains("retrain"))
                        .forEach(System.out::println);
            }
        }
        List<HoldoutRow> rows = HoldoutRow.SCHEMA.readAll(tmp.resolve("cloud/holdout.csv"));
        Map<String, HoldoutRow> first = byStyle(rows, "0");
        String latest = rows.get(rows.size() - 1).modelVersion();
        Map<String, HoldoutRow> last = byStyle(rows, latest);
        double gain = last.get(HoldoutRow.DRIFT).map50() - first.get(HoldoutRow.DRIFT).map50();
        double forgetting = first.get(HoldoutRow.PRE_DRIFT).map50() - last.get(HoldoutRow.PRE_DRIFT).map50();
        System.out.printf(Locale.ROOT, "real photos: %s on %s, drift %s: held-out night mAP@0.5 v0 %.3f -> v%s %.3f "
                        + "(gain over the static control %+.3f), day mAP@0.5 %.3f -> %.3f (forgetting %.3f), "
                        + "accuracy night %.3f -> %.3f, in %d s%n", MODEL, DATA, DRIFT,
                first.get(HoldoutRow.DRIFT).map50(), latest, last.get(HoldoutRow.DRIFT).map50(), gain,
                first.get(HoldoutRow.PRE_DRIFT).map50(), last.get(HoldoutRow.PRE_DRIFT).map50(), forgetting,
                first.get(HoldoutRow.DRIFT).accuracy(), last.get(HoldoutRow.DRIFT).accuracy(),
                (System.nanoTime() - start) / 1_000_000_000L);
        rows.forEach(System.out::println);
        assertThat(first.get(HoldoutRow.DRIFT).map50()).as("the night costs the starting model mAP")
                .isLessThan(first.get(HoldoutRow.PRE_DRIFT).map50());
        // +0.028 to +0.038 after the first round at the earlier settings (lr 0.001, no replay or anchors), +0.050 on
        // these 26 photos offline at these (RealPhotosRoundsBenchmark, docs/real-photos.md); a retrain that changes
        // nothing, batch-norm statistics included, gains 0
        assertThat(gain).as("held-out night mAP@0.5 gained over the static control").isGreaterThan(MIN_GAIN);
        assertThat(InferenceRow.SCHEMA.readAll(InferenceRow.SCHEMA.in(tmp.resolve("edge-1-static"))))
                .allMatch(r -> "0".equals(r.modelVersion()));
    }

    private static Map<String, HoldoutRow> byStyle(List<HoldoutRow> rows, String version) {
        return rows.stream().filter(r -> r.modelVersion().equals(version))
                .collect(Collectors.toMap(HoldoutRow::style, r -> r, (a, b) -> b));
    }

    private EdgeApp edge(int port, String id, ModelFiles model, Path data, boolean control) throws Exception {
        Path out = tmp.resolve(id);
        EdgeConfig config = EdgeConfig.builder().setCloudHost("127.0.0.1").setPort(port)
                .setInferenceLog(out.resolve("inference.log")).setUpdateLog(out.resolve("update.log"))
                .setInferenceCsv(out.resolve("edge_inf.csv")).setUpdateCsv(out.resolve("edge_update.csv"))
                .setRequestsPerSecond(1).setEdgeId(id).optData(data).optDataDrift(DRIFT)
                .optDriftAfter(Duration.ZERO).optJudge("iou").optUploadThreshold(ROUND_IMAGES)
                .optUploadEncoding(new UploadEncoding(0.75f)).optModel(model)
                .optConfidence(CONF).optThreads(1).optHeartbeatInterval(Duration.ofSeconds(2))
                .optStaticControl(control).build();
        return EdgeApp.start(config, new OpenCvDetectorLoader(new DetectorSettings(CONF, 0.3f, 1)),
                FrameJudge.named("iou")::correct);
    }
}
