package io.acai.cloud.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.dataset.YoloDatasetWriter;
import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.model.DefaultModel;
import io.acai.scenes.SceneClasses;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import io.acai.testkit.ConsoleCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code train} command on a tiny YOLO-format folder of synthetic scenes, and its usage errors. */
class TrainCommandTest {

    @TempDir
    Path temp;

    @Test
    void missingArgumentsPrintUsageAndExitTwo() {
        ConsoleCapture result = ConsoleCapture.run(() -> TrainCommand.run(new String[] {"--cfg", "a.cfg"}));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required options").contains("--weights").contains("Usage: train");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void badSettingsNameTheField() {
        ConsoleCapture result = ConsoleCapture.run(() -> TrainCommand.run(new String[] {"--cfg", "a.cfg", "--weights",
            "a.weights", "--names", "a.names", "--data", "d", "--epochs", "0", "--batch", "2", "--out", "o.weights"}));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("epochs: 0 (expected: >= 1)").contains("Usage: train");
    }

    @Test
    void mismatchedWeightsFailWithTheFileNamed() throws IOException {
        ModelFiles model = DefaultModel.extractTo(temp.resolve("model"));
        Path cfg = model.cfg();
        Path names = model.names();
        Path weights = Files.write(temp.resolve("short.weights"), new byte[64]);

        ConsoleCapture result = ConsoleCapture.run(() -> TrainCommand.run(new String[] {"--cfg", cfg.toString(),
            "--weights", weights.toString(), "--names", names.toString(), "--data", temp.toString(),
            "--epochs", "1", "--batch", "2", "--out", temp.resolve("o.weights").toString()}));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("train: " + weights).contains("floats of weights");
    }

    @Test
    void trainsOnAYoloFolderAndWritesDarknetWeights() throws IOException {
        ModelFiles model = DefaultModel.extractTo(temp.resolve("model"));
        Path cfg = model.cfg();
        Path names = model.names();
        DarknetConfig network = DarknetConfig.read(cfg);
        Path weights = temp.resolve("start.weights");
        DarknetWeights.initial(network, 3).write(weights);
        Path data = temp.resolve("data");
        YoloDatasetWriter writer = YoloDatasetWriter.create(data, SceneClasses.NAMES);
        SceneGenerator scenes = new SceneGenerator(5, SceneStyle.PRE_DRIFT);
        for (int i = 0; i < 3; i++) {
            writer.write(scenes.frame(i));
        }
        Path out = temp.resolve("out/trained.weights");

        ConsoleCapture result = ConsoleCapture.run(() -> TrainCommand.run(new String[] {"--cfg", cfg.toString(),
            "--weights", weights.toString(), "--names", names.toString(), "--data", data.toString(),
            "--epochs", "2", "--batch", "3", "--device", "cpu", "--out", out.toString()}));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
        assertThat(result.out()).contains("dataset: ").contains("3 images").contains("epoch 1/2 loss ")
                .contains("epoch 2/2 loss ").contains("wrote " + out);
        assertThat(Files.size(out)).isEqualTo(Files.size(weights));
        assertThat(DarknetWeights.read(out, network).header().seen()).isEqualTo(6);
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temporary file left behind
        }
    }
}
