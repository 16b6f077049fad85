package io.acai.cloud.holdout;

import io.acai.cloud.retrain.AnchorFrames;
import io.acai.cloud.retrain.AnchorSettings;
import io.acai.cloud.train.TorchThreads;
import io.acai.dataset.Datasets;
import io.acai.detection.LabeledFrame;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Does fine-tuning Yolo-Fastest 1.1 (COCO) on day photos it was trained on keep its day mAP? The check behind the
 * real-photos experiment's forgetting (docs/real-photos.md): 2 epochs on 64 COCO128 photos the edges serve, as they
 * are, heads only (as the experiment trains), at several learning rates, then mAP@0.5 on 40 held-out photos. A drop
 * here is the trainer's, not the drift's. Needs {@code ../shared}. Run by the {@code benchmarks} profile:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=DayPhotosFineTuneBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class DayPhotosFineTuneBenchmark {

    @Test
    void dayMapAfterTrainingOnDayPhotos() throws Exception {
        TorchThreads.limit(2);
        ShippedYoloFastest model = ShippedYoloFastest.read();
        HoldoutSet set = HoldoutSet.photos(Datasets.open(model.coco128(), model.names()), Optional.empty(), 40,
                model.width(), model.height());
        HoldoutScorer scorer = new HoldoutScorer(new HoldoutSettings(40, "iou", 0.25f, 0.45f),
                Files.readAllBytes(model.cfgFile()), model.names());
        List<LabeledFrame> day = AnchorFrames.draw(new AnchorSettings(64, Optional.of(model.coco128())), model.names(),
                model.width(), model.height(), 1);
        System.out.printf(Locale.ROOT, "| shipped weights | day mAP@0.5 %.3f |%n", map(scorer, model.weights(), set));
        for (float lr : new float[] {1e-3f, 2e-4f, 5e-5f}) {
            for (boolean fixedBatchNorm : new boolean[] {false, true}) {
                TrainingSettings settings = TrainingSettings.builder().setEpochs(2).setBatchSize(8).optLearningRate(lr)
                        .optFreezeBackbone(true).optFixedBatchNorm(fixedBatchNorm).optDevice(TrainingDevice.CPU)
                        .optSeed(1).build();
                TrainingResult result = new DetectorTrainer(model.cfg(), model.names(), settings)
                        .train(model.weights(), day);
                System.out.printf(Locale.ROOT, "| lr %s, batch norm %s | day mAP@0.5 %.3f | loss %.2f -> %.2f |%n", lr,
                        fixedBatchNorm ? "fixed" : "training", map(scorer, result.weights(), set),
                        result.epochLosses().get(0), result.epochLosses().get(result.epochLosses().size() - 1));
            }
        }
    }

    private static double map(HoldoutScorer scorer, byte[] weights, HoldoutSet set) throws Exception {
        Map<HoldoutStyle, HoldoutScore> scores = scorer.score("weights", weights, set);
        return scores.get(HoldoutStyle.PRE_DRIFT).map50();
    }
}
