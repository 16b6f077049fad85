package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.InputTensor;
import io.acai.detection.LabeledFrame;
import io.acai.detection.Letterbox;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.darknet.WeightsMismatchException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real DJL training of the default network at 192x192 ({@link TrainingFixtures#acaiShapes()}), on a handful of drawn
 * frames.
 */
class DetectorTrainerTest {

    @Test
    void lossFallsAndTheWeightsComeBackInDarknetFormat() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        byte[] initial = DarknetWeights.initial(cfg, 7).encode();
        byte[] untouched = initial.clone();
        TrainingSettings settings = TrainingSettings.builder().setEpochs(10).setBatchSize(4).optLearningRate(2e-3f)
                .optDevice(TrainingDevice.CPU).optSeed(1).build();
        List<EpochReport> reports = new ArrayList<>();

        TrainingResult result = new DetectorTrainer(cfg, TrainingFixtures.SHAPES, settings)
                .train(initial, TrainingFixtures.frames(4, 3), reports::add);

        assertThat(result.steps()).isEqualTo(10);
        assertThat(result.images()).isEqualTo(40);
        assertThat(result.device()).isEqualTo("cpu()");
        assertThat(result.epochLosses()).hasSize(10);
        assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(result.lossLast()).isLessThan(result.lossFirst());
        assertThat(result.weights()).hasSize(initial.length);
        assertThat(initial).isEqualTo(untouched);
        DarknetWeights trained = DarknetWeights.decode(result.weights(), cfg, "trained");
        assertThat(trained.header().seen()).isEqualTo(40);
        assertThat(trained.layer(0).kernel()).isNotEqualTo(DarknetWeights.decode(initial, cfg, "initial")
                .layer(0).kernel());
    }

    @Test
    void aStoppedTrainingEndsAtItsNextStep() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        byte[] initial = DarknetWeights.initial(cfg, 7).encode();
        TrainingSettings settings = TrainingSettings.builder().setEpochs(50).setBatchSize(2)
                .optDevice(TrainingDevice.CPU).optSeed(1).build();
        List<EpochReport> reports = new ArrayList<>();

        DetectorTrainer trainer = new DetectorTrainer(cfg, TrainingFixtures.SHAPES, settings);

        // stopped once the first epoch has ended, as a stopping cloud stops it
        assertThatThrownBy(() -> trainer.train(initial, TrainingFixtures.frames(4, 3), report -> {
            reports.add(report);
            trainer.stop();
        })).isInstanceOf(java.io.InterruptedIOException.class).hasMessage("training stopped in epoch 2 after 2 steps");
        assertThat(reports).extracting(EpochReport::epoch).containsExactly(1);
        assertThatThrownBy(() -> trainer.train(initial, TrainingFixtures.frames(4, 3)))
                .as("a stopped trainer trains no more").hasMessage("training stopped in epoch 1 after 0 steps");
    }

    @Test
    void frozenBackboneKeepsItsKernelsAndTrainsTheHeads() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        DarknetWeights initial = DarknetWeights.initial(cfg, 7);
        TrainingSettings settings = TrainingSettings.builder().setEpochs(1).setBatchSize(2).optFreezeBackbone(true)
                .optDevice(TrainingDevice.CPU).optSeed(1).build();

        TrainingResult result = new DetectorTrainer(cfg, TrainingFixtures.SHAPES, settings)
                .train(initial.encode(), TrainingFixtures.frames(2, 5));

        DarknetWeights trained = DarknetWeights.decode(result.weights(), cfg, "trained");
        int head = DetectorTrainer.firstHeadConvolution(cfg);
        assertThat(head).isEqualTo(11);
        for (int layer : List.of(0, 2, 8, 10)) {
            assertThat(trained.layer(layer).kernel()).as("layer %d", layer).containsExactly(initial.layer(layer).kernel());
            assertThat(trained.layer(layer).scales()).containsExactly(initial.layer(layer).scales());
        }
        assertThat(Arrays.equals(trained.layer(head).kernel(), initial.layer(head).kernel())).isFalse();
        assertThat(Arrays.equals(trained.layer(17).kernel(), initial.layer(17).kernel())).isFalse();
    }

    @Test
    void aNonFiniteLossNamesItsStepAndWhetherTheWeightsWereFinite() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        List<LabeledFrame> frames = TrainingFixtures.frames(4, 3);
        TrainingSettings.Builder settings = TrainingSettings.builder().setEpochs(1).setBatchSize(2)
                .optDevice(TrainingDevice.CPU).optSeed(1);

        DarknetWeights nanKernel = DarknetWeights.initial(cfg, 7);
        nanKernel.layer(0).kernel()[0] = Float.NaN;
        assertThatThrownBy(() -> new DetectorTrainer(cfg, TrainingFixtures.SHAPES, settings.build())
                .train(nanKernel.encode(), frames))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("loss is NaN at step 1 of 2 in epoch 1, from weights not all finite: the starting ones, or an"
                        + " earlier step diverged (try a lower learning rate)");

        // finite learned weights, but a running variance of -1 that fixed batch-norm statistics normalise with
        DarknetWeights negativeVariance = DarknetWeights.initial(cfg, 7);
        Arrays.fill(negativeVariance.layer(0).rollingVariance(), -1f);
        assertThatThrownBy(() -> new DetectorTrainer(cfg, TrainingFixtures.SHAPES,
                settings.optFixedBatchNorm(true).build()).train(negativeVariance.encode(), frames))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("loss is NaN at step 1 of 2 in epoch 1, from finite weights: this batch's forward pass"
                        + " overflowed (try a lower learning rate)");
    }

    @Test
    void batchNormMomentumIsTheShareOfTheOldRunningStatisticsKept() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        byte[] initial = DarknetWeights.initial(cfg, 7).encode(); // running means start at 0
        List<LabeledFrame> frames = TrainingFixtures.frames(2, 5);
        float[][] means = new float[2][];
        float[] momenta = {0.5f, ConvolutionBlock.DARKNET_BATCH_NORM_MOMENTUM};
        for (int i = 0; i < 2; i++) {
            TrainingSettings settings = TrainingSettings.builder().setEpochs(1).setBatchSize(2)
                    .optDevice(TrainingDevice.CPU).optSeed(1).optBatchNormMomentum(momenta[i]).build();
            TrainingResult result = new DetectorTrainer(cfg, TrainingFixtures.SHAPES, settings).train(initial, frames);
            means[i] = DarknetWeights.decode(result.weights(), cfg, "trained").layer(0).rollingMean();
        }

        // one step from the same weights sees the same batch: new mean = (1 - momentum) x batch mean
        for (int channel = 0; channel < means[0].length; channel++) {
            assertThat(means[0][channel]).as("channel %d", channel)
                    .isCloseTo(50 * means[1][channel], within(1e-4f + 1e-3f * Math.abs(means[0][channel])));
        }
        assertThat(means[0]).isNotEqualTo(new float[means[0].length]);
        assertThat(TrainingSettings.of(1, 1).batchNormMomentum())
                .isEqualTo(TrainingSettings.FINE_TUNING_BATCH_NORM_MOMENTUM);
    }

    @Test
    void recalibrationReEstimatesFixedBatchNormStatisticsWithoutCountingImages() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        byte[] initial = DarknetWeights.initial(cfg, 7).encode(); // running means start at 0
        List<LabeledFrame> frames = TrainingFixtures.frames(2, 5);
        TrainingSettings.Builder fixed = TrainingSettings.builder().setEpochs(1).setBatchSize(2)
                .optDevice(TrainingDevice.CPU).optSeed(1).optFixedBatchNorm(true);

        TrainingResult kept = new DetectorTrainer(cfg, TrainingFixtures.SHAPES, fixed.build()).train(initial, frames);
        TrainingResult recalibrated = new DetectorTrainer(cfg, TrainingFixtures.SHAPES,
                fixed.optRecalibrateBatchNorm(true).build()).train(initial, frames);

        float[] zero = new float[DarknetWeights.decode(initial, cfg, "initial").layer(0).rollingMean().length];
        assertThat(DarknetWeights.decode(kept.weights(), cfg, "kept").layer(0).rollingMean()).containsExactly(zero);
        assertThat(DarknetWeights.decode(recalibrated.weights(), cfg, "recalibrated").layer(0).rollingMean())
                .isNotEqualTo(zero);
        assertThat(recalibrated.images()).isEqualTo(kept.images()).isEqualTo(2);
        assertThat(DarknetWeights.decode(recalibrated.weights(), cfg, "recalibrated").layer(0).kernel())
                .as("the same gradient steps").containsExactly(DarknetWeights.decode(kept.weights(), cfg, "kept")
                        .layer(0).kernel(), within(1e-5f));
    }

    @Test
    void distillationHoldsTheDistilledFramesNearTheTeacher() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        byte[] teacher = DarknetWeights.initial(cfg, 7).encode();
        List<LabeledFrame> frames = TrainingFixtures.frames(4, 3);
        // fixed batch-norm statistics: the heads measured below (at inference) are those the term saw
        TrainingSettings settings = TrainingSettings.builder().setEpochs(4).setBatchSize(4).optLearningRate(2e-3f)
                .optFixedBatchNorm(true).optDevice(TrainingDevice.CPU).optSeed(1).build();
        DetectorTrainer trainer = new DetectorTrainer(cfg, TrainingFixtures.SHAPES, settings);

        TrainingResult free = trainer.train(teacher, frames);
        TrainingResult held = trainer.train(teacher, frames, Distillation.of(teacher, frames, 50f), report -> { });

        double freeMoved = headDistance(cfg, free.weights(), teacher, frames);
        double heldMoved = headDistance(cfg, held.weights(), teacher, frames);
        assertThat(freeMoved).isGreaterThan(0);
        assertThat(heldMoved).as("the heads' outputs stay nearer the teacher's").isLessThan(0.5 * freeMoved);
        assertThat(held.lossFirst()).as("the term adds to the loss").isGreaterThanOrEqualTo(free.lossFirst() - 1e-3f);
        assertThatThrownBy(() -> Distillation.of(teacher, frames, 0f)).hasMessage("weight: 0.0 (expected: > 0 and finite)");
        assertThatThrownBy(() -> trainer.train(initialOf(cfg), frames,
                Distillation.of(Arrays.copyOf(teacher, teacher.length - 4), frames, 1f), report -> { }))
                .isInstanceOf(WeightsMismatchException.class);
    }

    private static byte[] initialOf(DarknetConfig cfg) {
        return DarknetWeights.initial(cfg, 7).encode();
    }

    /** The root of the summed squared differences of the two networks' head sigmoids on the frames. */
    private static double headDistance(DarknetConfig cfg, byte[] a, byte[] b, List<LabeledFrame> frames)
            throws IOException {
        float[][] first = heads(cfg, a, frames);
        float[][] second = heads(cfg, b, frames);
        double sum = 0;
        for (int h = 0; h < first.length; h++) {
            for (int i = 0; i < first[h].length; i++) {
                double d = 1 / (1 + Math.exp(-first[h][i])) - 1 / (1 + Math.exp(-second[h][i]));
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }

    private static float[][] heads(DarknetConfig cfg, byte[] weights, List<LabeledFrame> frames) throws IOException {
        int width = cfg.net().width();
        int height = cfg.net().height();
        float[] pixels = new float[frames.size() * 3 * width * height];
        for (int n = 0; n < frames.size(); n++) {
            LabeledFrame frame = frames.get(n);
            InputTensor.chw(frame.image(), Letterbox.of(frame.width(), frame.height(), width, height), pixels,
                    n * 3 * width * height);
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            DarknetBlock block = DarknetBlock.of(cfg);
            block.initialize(manager, DataType.FLOAT32, block.inputShape(frames.size()));
            WeightsTransfer.toBlock(DarknetWeights.decode(weights, cfg, "weights"), block);
            NDList heads = block.forward(new ParameterStore(manager, false),
                    new NDList(manager.create(pixels, block.inputShape(frames.size()))), false);
            float[][] values = new float[heads.size()][];
            for (int h = 0; h < heads.size(); h++) {
                values[h] = heads.get(h).toFloatArray();
            }
            return values;
        }
    }

    @Test
    void badInputIsNamed() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        TrainingSettings settings = TrainingSettings.builder().setEpochs(1).setBatchSize(1)
                .optDevice(TrainingDevice.CPU).optSeed(1).build();
        DetectorTrainer trainer = new DetectorTrainer(cfg, TrainingFixtures.SHAPES, settings);
        byte[] weights = DarknetWeights.initial(cfg, 1).encode();

        assertThatThrownBy(() -> new DetectorTrainer(cfg, ClassNames.of(List.of("a", "b")), settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names: 2 classes [a, b], but ").hasMessageContaining("has classes=5");
        assertThatThrownBy(() -> trainer.train(Arrays.copyOf(weights, weights.length - 4), TrainingFixtures.frames(1, 1)))
                .isInstanceOf(WeightsMismatchException.class);
        assertThatThrownBy(() -> trainer.train(weights, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frames: none");
        LabeledFrame wrongClass = new LabeledFrame("f7", new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR),
                List.of(new GroundTruth(9, "nine", new BoundingBox(1, 1, 10, 10))));
        assertThatThrownBy(() -> trainer.train(weights, List.of(wrongClass)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame f7: object 0 has class id 9 (expected: 0..4");
    }
}
