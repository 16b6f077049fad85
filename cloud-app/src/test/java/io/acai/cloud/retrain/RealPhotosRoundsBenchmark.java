package io.acai.cloud.retrain;

import io.acai.cloud.holdout.HoldoutScore;
import io.acai.cloud.holdout.HoldoutScorer;
import io.acai.cloud.holdout.HoldoutSet;
import io.acai.cloud.holdout.HoldoutSettings;
import io.acai.cloud.holdout.ShippedYoloFastest;
import io.acai.cloud.holdout.HoldoutStyle;
import io.acai.cloud.train.TorchThreads;
import io.acai.dataset.Dataset;
import io.acai.dataset.DatasetEntry;
import io.acai.dataset.DatasetSplit;
import io.acai.dataset.Datasets;
import io.acai.detection.LabeledFrame;
import io.acai.edge.source.DatasetFrames;
import io.acai.edge.upload.UploadEncoding;
import io.acai.edge.upload.UploadImages;
import io.acai.scenes.PhotoDrift;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rounds of {@code experiments/real-photos.json} offline, one setting after the other: Yolo-Fastest 1.1 (COCO)
 * retrained on the night photos an edge uploads (COCO128 in the edges' order, {@code night} drift, letterboxed to
 * 320x320 and JPEG'd at 0.75 the edge's way, decoded the cloud's way), {@value #ROUND} new photos a round, with the
 * earlier uploads replayed and day photos as anchors (the first uploaded photos as the edge served them by day) where
 * the setting says, then mAP@0.5 by day and at night after every round with the cloud's scorer (OpenCV) on the 26
 * held-out photos no edge serves and, in brackets, on 80 photos no round trains on (those 26 and the 54 served
 * photos after the uploaded ones), and at night on the 48 uploaded photos themselves in square brackets. The static control keeps
 * round 0's figures. {@code -Dacai.settings=REGEX} runs only the settings whose names match (for example
 * {@code "shipped|lr5e-5-replay-anchors"}); each row is also appended to
 * {@code /tmp/acai-rounds.md} as it finishes. Needs {@code ../shared}. Run by
 * the {@code benchmarks} profile:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=RealPhotosRoundsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class RealPhotosRoundsBenchmark {

    static final int ROUND = 16;
    static final int ROUNDS = 3;

    /** Every setting's row is also appended here as it finishes. */
    static final Path RESULTS = Path.of("/tmp/acai-rounds.md");

    /**
     * One way to retrain: {@code iouThresh} false trains as before the cfg's {@code iou_thresh} was honoured (the cfg
     * without it: best anchor only); {@code replay} replays every earlier upload; {@code anchors} day photos join every
     * round; {@code seed} orders the photos in every epoch and draws the dropout.
     */
    record Setting(String name, boolean iouThresh, float lr, boolean fixedBatchNorm, int epochs, boolean replay,
            int anchors, long seed) {
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("shipped-best-anchor-only", false, 1e-3f, false, 2, false, 0, 1),
            new Setting("shipped", true, 1e-3f, false, 2, false, 0, 1),
            new Setting("batch-norm-only", true, 1e-12f, false, 2, false, 0, 1),
            new Setting("lr1e-3-fixed-bn", true, 1e-3f, true, 2, false, 0, 1),
            new Setting("lr5e-5-fixed-bn-replay-anchors", true, 5e-5f, true, 2, true, 32, 1),
            new Setting("batch-norm-only-replay-anchors", true, 1e-12f, false, 2, true, 16, 1),
            new Setting("lr5e-5-replay-anchors", true, 5e-5f, false, 2, true, 16, 1),
            new Setting("lr2e-4-replay-anchors", true, 2e-4f, false, 2, true, 16, 1),
            new Setting("lr5e-5-replay", true, 5e-5f, false, 2, true, 0, 1),
            new Setting("shipped-best-anchor-only-seed2", false, 1e-3f, false, 2, false, 0, 2),
            new Setting("shipped-seed2", true, 1e-3f, false, 2, false, 0, 2),
            new Setting("batch-norm-only-seed2", true, 1e-12f, false, 2, false, 0, 2),
            new Setting("batch-norm-only-replay-anchors-seed2", true, 1e-12f, false, 2, true, 16, 2));

    @Test
    void heldOutMapRoundByRound() throws Exception {
        TorchThreads.limit(2);
        ShippedYoloFastest model = ShippedYoloFastest.read();
        Dataset dataset = Datasets.open(model.coco128(), model.names());
        PhotoDrift drift = PhotoDrift.parse("night", model.names());
        DatasetFrames night = new DatasetFrames(dataset, Optional.of(drift), 0);
        List<LabeledFrame> uploads = new ArrayList<>();
        for (int i = 0; i < ROUND * ROUNDS; i++) {
            uploads.add(UploadFrames.decode(new PendingImage("edge-1", i / ROUND,
                    UploadImages.encode(night.frame(i), model.width(), model.height(), new UploadEncoding(0.75f)), 0), model.names()));
        }
        HoldoutSet set = HoldoutSet.photos(dataset, Optional.of(drift), 40, model.width(), model.height());
        // the 26 held-out photos are few: one detection more or less moves a class's AP, so the settings are also
        // scored on 80 photos no round trains on: those 26 and the 54 served photos after the uploaded ones
        List<LabeledFrame> unseenDay = new ArrayList<>();
        List<LabeledFrame> unseenNight = new ArrayList<>();
        long heldOut = 0;
        for (DatasetEntry entry : DatasetSplit.heldOut(dataset)) {
            LabeledFrame photo = dataset.load(entry);
            unseenDay.add(photo);
            unseenNight.add(drift.apply(photo, heldOut++));
        }
        List<DatasetEntry> servedEntries = DatasetSplit.served(dataset);
        for (int i = ROUND * ROUNDS; i < servedEntries.size(); i++) {
            unseenDay.add(dataset.load(servedEntries.get(i)));
            unseenNight.add(night.frame(i));
        }
        HoldoutSet unseen = HoldoutSet.of(unseenDay, unseenNight, model.width(), model.height());
        // and on the uploaded night photos the rounds train on: what the heads learn there and not elsewhere
        List<LabeledFrame> trainedDay = new ArrayList<>();
        for (int i = 0; i < ROUND * ROUNDS; i++) {
            trainedDay.add(dataset.load(servedEntries.get(i)));
        }
        HoldoutSet trained = HoldoutSet.of(trainedDay, uploads, model.width(), model.height());
        HoldoutScorer scorer = new HoldoutScorer(new HoldoutSettings(40, "iou", 0.25f, 0.45f),
                model.cfgText().getBytes(java.nio.charset.StandardCharsets.UTF_8), model.names());
        String start = maps(scorer, model.weights(), set, unseen, trained);
        System.out.printf(Locale.ROOT, "| setting | round 0 (static control) | round 1 | round 2 | round 3 | s |%n");
        Pattern only = Pattern.compile(System.getProperty("acai.settings", ".*"));
        for (Setting setting : SETTINGS) {
            if (!only.matcher(setting.name()).matches()) {
                continue;
            }
            long began = System.nanoTime();
            TrainingSettings training = TrainingSettings.builder().setEpochs(setting.epochs()).setBatchSize(8)
                    .optLearningRate(setting.lr()).optFreezeBackbone(true).optFixedBatchNorm(setting.fixedBatchNorm())
                    .optDevice(TrainingDevice.CPU).optSeed(setting.seed()).build();
            DetectorTrainer trainer = new DetectorTrainer(setting.iouThresh() ? model.cfg() : model.bestAnchorOnly(),
                    model.names(), training);
            List<LabeledFrame> anchors = new ArrayList<>();
            for (int i = 0; i < setting.anchors(); i++) {
                anchors.add(dataset.load(servedEntries.get(i)).letterboxed(model.width(), model.height()));
            }
            byte[] weights = model.weights();
            StringBuilder row = new StringBuilder("| " + setting.name() + " | " + start);
            for (int round = 1; round <= ROUNDS; round++) {
                List<LabeledFrame> frames = new ArrayList<>(uploads.subList((round - 1) * ROUND, round * ROUND));
                if (setting.replay()) {
                    frames.addAll(uploads.subList(0, (round - 1) * ROUND));
                }
                frames.addAll(anchors);
                TrainingResult result = trainer.train(weights, frames);
                weights = result.weights();
                row.append(" | ").append(maps(scorer, weights, set, unseen, trained));
            }
            String line = String.format(Locale.ROOT, "%s | %d |%n", row, (System.nanoTime() - began) / 1_000_000_000L);
            System.out.print(line);
            Files.writeString(RESULTS, line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /**
     * Day and night mAP@0.5 on the 26 held-out photos, then on the 80 unseen ones in brackets, and the night mAP@0.5
     * of the 48 uploaded photos in square brackets.
     */
    private static String maps(HoldoutScorer scorer, byte[] weights, HoldoutSet set, HoldoutSet unseen,
            HoldoutSet trained) throws Exception {
        Map<HoldoutStyle, HoldoutScore> scores = scorer.score("weights", weights, set);
        Map<HoldoutStyle, HoldoutScore> more = scorer.score("weights", weights, unseen);
        Map<HoldoutStyle, HoldoutScore> uploaded = scorer.score("weights", weights, trained);
        return String.format(Locale.ROOT, "day %.3f (%.3f) night %.3f (%.3f) [%.3f]",
                scores.get(HoldoutStyle.PRE_DRIFT).map50(), more.get(HoldoutStyle.PRE_DRIFT).map50(),
                scores.get(HoldoutStyle.DRIFT).map50(), more.get(HoldoutStyle.DRIFT).map50(),
                uploaded.get(HoldoutStyle.DRIFT).map50());
    }
}
