package io.acai.cloud.pretrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.model.DefaultModel;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import io.acai.testkit.ConsoleCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pretrain} on a handful of scenes: the real command, scaled down to one step per epoch. */
class PretrainCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesTheDefaultModelsWeights() throws IOException {
        ConsoleCapture result = ConsoleCapture.run(() -> PretrainCommand.run(new String[] {"--out", temp.toString(),
            "--images", "4", "--epochs", "2", "--batch", "4", "--seed", "3", "--device", "cpu", "--eval", "0"}));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("4 pre-drift scenes").contains("epoch 1/2 loss ").contains("epoch 2/2 loss ");
        DarknetConfig cfg = DefaultModel.cfg();
        DarknetWeights weights = DarknetWeights.read(temp.resolve("acai-shapes.weights"), cfg);
        assertThat(weights.header().seen()).isEqualTo(8);
        assertThat(weights.layer(0).kernel()).isNotEqualTo(DarknetWeights.initial(cfg, 3).layer(0).kernel());
    }

    @Test
    void evaluatesWeightsOnHeldOutPreDriftAndDriftScenes() throws IOException {
        Path weights = temp.resolve("initial.weights");
        DarknetWeights.initial(DefaultModel.cfg(), 2).write(weights);

        ConsoleCapture result = ConsoleCapture.run(() -> PretrainCommand.run(new String[] {"--evaluate",
            weights.toString(), "--eval", "2", "--eval-frames", "3", "--seed", "4"}));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("pre-drift (held-out seed 1000004): mAP@0.50 ")
                .contains("drift (held-out seed 1000004): mAP@0.50 ").contains(" over 2 images")
                .containsPattern("pre-drift \\(frames 0-2 of seed 2000004\\): frame accuracy at conf 0\\.8 [01]\\.\\d{3},"
                        + " 0\\.6 [01]\\.\\d{3}, 0\\.5 [01]\\.\\d{3}, 0\\.4 [01]\\.\\d{3}, 0\\.3 [01]\\.\\d{3}")
                .contains("\ndrift (frames 0-2 of seed 2000004): frame accuracy at conf 0.8 ");
    }

    @Test
    void continuesFromGivenWeightsOnBalancedScenesWithACosineSchedule() throws IOException {
        Path start = temp.resolve("start.weights");
        DarknetWeights.initial(DefaultModel.cfg(), 7).write(start);
        ConsoleCapture result = ConsoleCapture.run(() -> PretrainCommand.run(new String[] {"--out", temp.toString(),
            "--init", start.toString(), "--images", "4", "--epochs", "3", "--batch", "4", "--schedule", "cosine",
            "--warmup", "1", "--lr", "0.001", "--balanced", "0.5", "--augment", "0.1,1.5,1.5", "--device", "cpu",
            "--eval", "0"}));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("from " + start + ", 4 pre-drift scenes (0.5 class-balanced, colour jitter"
                + " hue 0.1, saturation 1.5, exposure 1.5), 3 epochs")
                .contains("epoch 1/3 loss ").contains(" lr 5.0E-4 ").contains("epoch 3/3 loss ");
        DarknetWeights weights = DarknetWeights.read(temp.resolve("acai-shapes.weights"), DefaultModel.cfg());
        assertThat(weights.header().seen()).isEqualTo(DarknetWeights.read(start, DefaultModel.cfg()).header().seen() + 12);
    }

    @Test
    void trainsAndReportsAnotherInputSizeOfTheSameLayers() throws IOException {
        Path cfg = temp.resolve("acai-shapes-96.cfg");
        Files.writeString(cfg, new String(DefaultModel.cfgBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("width=192", "width=96").replace("height=192", "height=96"));
        Path start = temp.resolve("start.weights");
        DarknetWeights.initial(DefaultModel.cfg(), 5).write(start);

        ConsoleCapture result = ConsoleCapture.run(() -> PretrainCommand.run(new String[] {"--cfg", cfg.toString(),
            "--init", start.toString(), "--out", temp.toString(), "--images", "4", "--epochs", "1", "--batch", "4",
            "--device", "cpu", "--eval", "1", "--eval-frames", "1"}));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("pretrain: acai-shapes-96.cfg from " + start).contains("mAP@0.50 ");
        DarknetWeights trained = DarknetWeights.read(temp.resolve("acai-shapes.weights"), DarknetConfig.read(cfg));
        assertThat(trained.layer(0).kernel()).as("the same layers: the shipped cfg reads them too").hasSameSizeAs(
                DarknetWeights.read(temp.resolve("acai-shapes.weights"), DefaultModel.cfg()).layer(0).kernel());
        assertThat(trained.layer(0).kernel()).isNotEqualTo(DarknetWeights.read(start, DefaultModel.cfg()).layer(0).kernel());
    }

    @Test
    void badValuesExitTwoNamingTheOptionAndTheValue() {
        refused("--images: 0 (expected: >= 1)", "--images", "0");
        refused("--lr-decay: 1.5 (expected: > 0 and <= 1)", "--lr-decay", "1.5");
        refused("device: \"tpu\" (expected: auto, cpu or gpu)", "--device", "tpu");
        refused("batchSize: 0 (expected: >= 1)", "--batch", "0");
        refused("--balanced: -0.1 (expected: 0..1)", "--balanced", "-0.1");
        refused("--drift: 2.0 (expected: 0..1)", "--drift", "2");
        refused("--augment: saturation: 0.5 (expected: 1..4)", "--augment", "0.1,0.5,1.5");
        refused("--augment: 2 values (expected: 3, hue,saturation,exposure", "--augment", "0.1,1.5");
        refused("'x'", "--augment", "0.1,x,1.5");
        refused("--schedule: \"linear\" (expected: step or cosine)", "--schedule", "linear");
    }

    private static void refused(String message, String... args) {
        ConsoleCapture result = ConsoleCapture.run(() -> PretrainCommand.run(args));
        assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(result.err()).as(String.join(" ", args)).contains(message).contains("Usage: pretrain");
    }

    @Test
    void scenesAreRenderedOnceAndAreTheGeneratorsFrames() {
        SceneGenerator generator = new SceneGenerator(9, SceneStyle.PRE_DRIFT);
        var scenes = PretrainScenes.of(generator, 3);

        assertThat(scenes).hasSize(3);
        assertThat(scenes.get(1)).isSameAs(scenes.get(1));
        assertThat(scenes.get(2).id()).isEqualTo(generator.frame(2).id());
        assertThat(scenes.get(2).objects()).isEqualTo(generator.frame(2).objects());
    }
}
