package io.acai.cloud.retrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.acai.cloud.holdout.HoldoutScore;
import io.acai.cloud.holdout.HoldoutScorer;
import io.acai.cloud.holdout.HoldoutSet;
import io.acai.cloud.holdout.HoldoutSettings;
import io.acai.cloud.holdout.ShippedYoloFastest;
import io.acai.cloud.holdout.HoldoutStyle;
import io.acai.cloud.train.TorchThreads;
import io.acai.dataset.Dataset;
import io.acai.dataset.Datasets;
import io.acai.detection.InputTensor;
import io.acai.detection.LabeledFrame;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.edge.source.DatasetFrames;
import io.acai.edge.upload.UploadEncoding;
import io.acai.edge.upload.UploadImages;
import io.acai.scenes.PhotoDrift;
import io.acai.training.DarknetBlock;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import io.acai.training.WeightsTransfer;
import io.acai.training.YoloLoss;
import io.acai.training.YoloTargets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the trainer makes of Yolo-Fastest 1.1 (COCO) on real photos before it changes anything: the YOLO loss of the
 * shipped weights (inference mode: running batch-norm statistics, no dropout), with the cfg's {@code iou_thresh} and
 * without it, on day photos the edges serve (letterboxed to 320x320) and on the same photos at night as the cloud
 * decodes their uploads; and the held-out mAP@0.5 of weights the trainer returns after one epoch at a learning rate too small to move anything (1e-12), which
 * must be the shipped weights' own. Needs {@code ../shared}. Run by the {@code benchmarks} profile:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=RealPhotosLossBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class RealPhotosLossBenchmark {

    static final int PHOTOS = 48;

    @Test
    void lossOfTheShippedWeightsAndAnUntrainedRound() throws Exception {
        TorchThreads.limit(2);
        ShippedYoloFastest model = ShippedYoloFastest.read();
        Dataset dataset = Datasets.open(model.coco128(), model.names());
        PhotoDrift drift = PhotoDrift.parse("night", model.names());
        DatasetFrames served = new DatasetFrames(dataset);
        DatasetFrames night = new DatasetFrames(dataset, Optional.of(drift), 0);
        List<LabeledFrame> dayFrames = new ArrayList<>();
        List<LabeledFrame> nightFrames = new ArrayList<>();
        for (int i = 0; i < PHOTOS; i++) {
            dayFrames.add(served.frame(i).letterboxed(model.width(), model.height()));
            nightFrames.add(UploadFrames.decode(new PendingImage("edge-1", 1,
                    UploadImages.encode(night.frame(i), model.width(), model.height(), new UploadEncoding(0.75f)), 0), model.names()));
        }
        DarknetConfig bestAnchorOnly = model.bestAnchorOnly();
        for (DarknetConfig targets : List.of(model.cfg(), bestAnchorOnly)) {
            System.out.printf(Locale.ROOT, "shipped weights, %s: day %s | night %s%n",
                    targets == model.cfg() ? "iou_thresh 0.213 honoured" : "best anchor only",
                    loss(targets, model.weights(), dayFrames, new YoloLoss()),
                    loss(targets, model.weights(), nightFrames, new YoloLoss()));
        }

        HoldoutSet set = HoldoutSet.photos(dataset, Optional.of(drift), 40, model.width(), model.height());
        HoldoutScorer scorer = new HoldoutScorer(new HoldoutSettings(40, "iou", 0.25f, 0.45f),
                Files.readAllBytes(model.cfgFile()), model.names());
        System.out.printf(Locale.ROOT, "shipped weights: %s%n", maps(scorer, model.weights(), set));
        for (boolean fixedBatchNorm : new boolean[] {true, false}) {
            TrainingSettings settings = TrainingSettings.builder().setEpochs(1).setBatchSize(8).optLearningRate(1e-12f)
                    .optFreezeBackbone(true).optFixedBatchNorm(fixedBatchNorm).optDevice(TrainingDevice.CPU)
                    .optSeed(1).build();
            TrainingResult result = new DetectorTrainer(model.cfg(), model.names(), settings).train(model.weights(),
                    nightFrames.subList(0, 16));
            System.out.printf(Locale.ROOT, "1 epoch at lr 1e-12 on 16 night uploads, batch norm %s: %s (loss %.2f)%n",
                    fixedBatchNorm ? "fixed" : "following the batches", maps(scorer, result.weights(), set),
                    result.epochLosses().get(0));
        }
    }

    /** The loss terms per image, summed over the frames, in inference mode. */
    private static String loss(DarknetConfig cfg, byte[] weights, List<LabeledFrame> frames, YoloLoss loss)
            throws Exception {
        DarknetBlock block = DarknetBlock.of(cfg);
        double box = 0;
        double objectness = 0;
        double classes = 0;
        try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            block.initialize(manager, DataType.FLOAT32, block.inputShape(1));
            WeightsTransfer.toBlock(DarknetWeights.decode(weights, cfg, "weights"), block);
            ParameterStore store = new ParameterStore(manager, false);
            for (int from = 0; from < frames.size(); from += 8) {
                List<LabeledFrame> batch = frames.subList(from, Math.min(frames.size(), from + 8));
                try (NDManager step = manager.newSubManager()) {
                    float[] pixels = new float[batch.size() * 3 * cfg.net().width() * cfg.net().height()];
                    for (int n = 0; n < batch.size(); n++) {
                        LabeledFrame frame = batch.get(n);
                        InputTensor.chw(frame.image(), io.acai.detection.Letterbox.of(frame.width(), frame.height(),
                                cfg.net().width(), cfg.net().height()), pixels, n * pixels.length / batch.size());
                    }
                    NDArray input = step.create(pixels, block.inputShape(batch.size()));
                    NDList heads = block.forward(store, new NDList(input), false);
                    heads.attach(step);
                    YoloLoss.Terms terms = loss.terms(heads, YoloTargets.build(cfg, batch));
                    box += terms.box().getFloat() * batch.size();
                    objectness += terms.objectness().getFloat() * batch.size();
                    classes += terms.classes().getFloat() * batch.size();
                }
            }
        }
        int n = frames.size();
        return String.format(Locale.ROOT, "box %.2f objectness %.2f classes %.2f total %.2f per image", box / n,
                objectness / n, classes / n, (box + objectness + classes) / n);
    }

    private static String maps(HoldoutScorer scorer, byte[] weights, HoldoutSet set) throws Exception {
        Map<HoldoutStyle, HoldoutScore> scores = scorer.score("weights", weights, set);
        return String.format(Locale.ROOT, "held-out mAP@0.5 day %.4f night %.4f",
                scores.get(HoldoutStyle.PRE_DRIFT).map50(), scores.get(HoldoutStyle.DRIFT).map50());
    }
}
