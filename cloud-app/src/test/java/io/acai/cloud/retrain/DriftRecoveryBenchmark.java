package io.acai.cloud.retrain;

import io.acai.cloud.train.TorchThreads;
import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.model.DefaultModel;
import io.acai.scenes.Lighting;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import io.acai.training.ConvolutionBlock;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much one retrain round of the shipped default model recovers after drift, by drift style and
 * batch-norm momentum: the figures behind the default experiment's settings. One round is 2 epochs
 * over 300 drifted frames plus 60 pre-drift ones (as replay), batch 8, Adam at 0.0003, one PyTorch
 * thread; accuracy is the share of frames the edges' default judge ({@code classes}, {@code --conf 0.4})
 * gets right on 150 held-out frames per style. The earlier night style (darker, flatter, noise 6 and a
 * 1-pixel blur) is rebuilt here for the comparison. Run by the {@code benchmarks} profile, not by
 * {@code mvn verify}:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=DriftRecoveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class DriftRecoveryBenchmark {

    private static final SceneStyle EARLIER_DRIFT = SceneStyle.DRIFT
            .withLighting(new Lighting(0.45, 0.75, 0.6, 0.85, 0.95, 1.2), 0.15).withNoise(6.0, 1);
    private static final int DRIFTED = 300;
    private static final int REPLAYED = 60;
    private static final int HELD_OUT = 150;

    @TempDir
    Path tmp;

    @Test
    void oneRoundByDriftStyleAndMomentum() throws Exception {
        TorchThreads.limit(1);
        ModelFiles model = DefaultModel.extractTo(tmp.resolve("model"));
        byte[] shipped = Files.readAllBytes(model.weights());
        DarknetConfig cfg = DarknetConfig.read(model.cfg());
        ClassNames names = ClassNames.read(model.names());
        System.out.println("| drift style | batch-norm momentum | pre-drift before -> after | drift before -> after | round |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (String style : List.of("earlier (noise 6, blur 1)", "SceneStyle.DRIFT")) {
            SceneStyle drift = style.startsWith("earlier") ? EARLIER_DRIFT : SceneStyle.DRIFT;
            List<LabeledFrame> frames = new ArrayList<>();
            SceneGenerator drifted = new SceneGenerator(5000001, drift);
            SceneGenerator replayed = new SceneGenerator(6000001, SceneStyle.PRE_DRIFT);
            for (int i = 0; i < DRIFTED; i++) {
                frames.add(drifted.frame(i));
            }
            for (int i = 0; i < REPLAYED; i++) {
                frames.add(replayed.frame(i));
            }
            double preBefore = accuracy(model, shipped, SceneStyle.PRE_DRIFT);
            double driftBefore = accuracy(model, shipped, drift);
            for (float momentum : new float[] {ConvolutionBlock.DARKNET_BATCH_NORM_MOMENTUM,
                    TrainingSettings.FINE_TUNING_BATCH_NORM_MOMENTUM}) {
                TrainingSettings settings = TrainingSettings.builder().setEpochs(2).setBatchSize(8)
                        .optLearningRate(3e-4f).optDevice(TrainingDevice.CPU).optSeed(1)
                        .optBatchNormMomentum(momentum).build();
                TrainingResult result = new DetectorTrainer(cfg, names, settings).train(shipped, frames);
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.3f -> %.3f | %.3f -> %.3f | %.0f s |%n", style, momentum,
                        preBefore, accuracy(model, result.weights(), SceneStyle.PRE_DRIFT), driftBefore,
                        accuracy(model, result.weights(), drift), result.elapsed().toMillis() / 1000.0);
            }
        }
    }

    /** The share of {@value #HELD_OUT} held-out frames of the style judged right with these weights. */
    private double accuracy(ModelFiles model, byte[] weights, SceneStyle style) throws Exception {
        return SceneAccuracy.of(model, weights, tmp, 2000001, style, HELD_OUT);
    }
}
