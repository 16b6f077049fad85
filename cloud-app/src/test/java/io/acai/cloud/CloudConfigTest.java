package io.acai.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.cloud.holdout.HoldoutSettings;
import io.acai.cloud.retrain.PushPolicy;
import io.acai.detection.ModelFiles;
import io.acai.edge.EdgeConfig;
import io.acai.model.TestModels;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CloudConfigTest {

    @TempDir
    Path tmp;

    @Test
    void theCommandLinesDefaultsAreTheBuildersDefaults() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        CloudCommand command = new CloudCommand();
        new CommandLine(command).parseArgs("9000", "cloud.log", tmp.resolve("cloud.csv").toString(),
                "--model", model.cfg().getParent().toString());

        CloudConfig.Builder builder = CloudConfig.builder().setPort(9000).setLogFile(Path.of("cloud.log"))
                .setCsvFile(tmp.resolve("cloud.csv")).setModel(command.config().model())
                .setStoreDir(tmp.resolve("models"));
        CloudConfig defaults = builder.build();
        assertThat(defaults.sceneModel()).isFalse();
        assertThat(command.config()).as("a model with the scenes' class names")
                .isEqualTo(builder.optSceneModel(true).build());
        assertThat(defaults.minRetrainImages()).isZero();
        assertThat(defaults.pushPolicy()).isEqualTo(PushPolicy.CONTRIBUTORS);
        assertThat(defaults.replay()).isZero();
        assertThat(defaults.token()).isEmpty();
        assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.seed()).isEqualTo(1);

        assertThat(command.trainingSettings()).isEqualTo(TrainingSettings.builder().setEpochs(5).setBatchSize(8)
                .optDevice(TrainingDevice.AUTO).optSeed(1).build());
    }

    /** Scene anchors need a model that detects the scenes' classes, not the default model itself: any input size. */
    @Test
    void sceneAnchorsAreForAnyModelOfTheScenesClasses() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        String cfg = Files.readString(model.cfg());
        Files.writeString(model.cfg(), cfg.replaceAll("(?m)^(width|height)=\\d+$", "$1=320"));
        assertThat(withAnchors(model).sceneModel()).isTrue();
        assertThat(withAnchors(model).anchors().count()).isEqualTo(20);

        Files.writeString(model.names(), "Circle\nSquare\nTriangle\nCross\nStar\n");
        assertThat(withAnchors(model).sceneModel()).as("names compared ignoring case").isTrue();
        for (String names : List.of("circle\nsquare\ntriangle\nstar\ncross\n", "circle\nsquare\ntriangle\ncross\n",
                "person\nbicycle\ncar\nmotorbike\naeroplane\n")) {
            Files.writeString(model.names(), names);
            assertThatThrownBy(() -> withAnchors(model)).as(names).hasMessage("--anchors : 20 pre-drift scenes, which "
                    + "are for a model of the scenes' classes [circle, square, triangle, cross, star], and the model "
                    + "acai-shapes.cfg has other classes (acai-shapes.names) (expected: --anchor-data DIR, photos of the "
                    + "model's training distribution)");
        }
    }

    private CloudConfig withAnchors(ModelFiles model) throws Exception {
        CloudCommand command = new CloudCommand();
        new CommandLine(command).parseArgs("9000", "cloud.log", tmp.resolve("cloud.csv").toString(),
                "--model", model.cfg().getParent().toString(), "--anchors", "20");
        return command.config();
    }

    @Test
    void aMissingRequiredValueIsNamed() {
        assertThatThrownBy(() -> CloudConfig.builder().setPort(0).setLogFile(Path.of("cloud.log"))
                .setCsvFile(Path.of("cloud.csv")).setStoreDir(Path.of("models")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CloudConfig: model is not set (call setModel)");
    }

    @Test
    void valuesOutOfRangeNameTheOption() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        CloudConfig.Builder builder = CloudConfig.builder().setPort(0).setLogFile(Path.of("cloud.log"))
                .setCsvFile(Path.of("cloud.csv")).setModel(model).setStoreDir(Path.of("models"));
        assertThatThrownBy(() -> builder.optReplay(-1).build()).hasMessage("--replay : -1 (expected: >= 0)");
        assertThatThrownBy(() -> builder.optReplay(0).optMinRetrainImages(-1).build())
                .hasMessage("--min-retrain-images : -1 (expected: >= 0)");
        assertThatThrownBy(() -> builder.optMinRetrainImages(0).setPort(70000).build())
                .hasMessage("<port> : 70000 (expected: 0..65535)");
        builder.setPort(0);
        assertThatThrownBy(() -> builder.optHoldoutFrames(-1).build())
                .hasMessage("--holdout-frames : -1 (expected: 0 to turn scoring off, or 1..1000)");
        assertThatThrownBy(() -> builder.optHoldoutFrames(1001).build())
                .hasMessage("--holdout-frames : 1001 (expected: 0 to turn scoring off, or 1..1000)");
        assertThatThrownBy(() -> builder.optHoldoutFrames(0).optHoldoutJudge("boxes").build())
                .hasMessage("--holdout-judge : boxes (expected: classes or iou)");
        assertThatThrownBy(() -> builder.optHoldoutJudge("iou").optHoldoutConfidence(1.5f).build())
                .hasMessage("--holdout-conf : 1.5 (expected: 0..1)");
        assertThatThrownBy(() -> builder.optHoldoutConfidence(0.4f).optHoldoutNms(-0.1f).build())
                .hasMessage("--holdout-nms : -0.1 (expected: an IoU in 0..1)");
        builder.optHoldoutNms(0.45f);
        assertThatThrownBy(() -> builder.optAnchors(10_001).build())
                .hasMessage("--anchors : 10001 (expected: 0..10000)");
        assertThatThrownBy(() -> builder.optAnchors(50).build())
                .hasMessageStartingWith("--anchors : 50 pre-drift scenes, which are for a model of the scenes' classes "
                        + "[circle, square, triangle, cross, star], and the model acai-shapes.cfg has other classes "
                        + "(acai-shapes.names)")
                .hasMessageEndingWith("(expected: --anchor-data DIR, photos of the model's training distribution)");
        assertThat(builder.optAnchorData(tmp).build().anchors().count()).isEqualTo(50);
        assertThat(builder.optAnchorData(null).optSceneModel(true).build().anchors().data()).isEmpty();
        assertThat(builder.optHoldoutNms(0.45f).build().holdout())
                .isEqualTo(new HoldoutSettings(0, "iou", 0.4f, 0.45f));
    }

    /** A cloud and edges started without options judge the held-out frames alike. */
    @Test
    void theHeldOutJudgementDefaultsAreTheEdgesDefaults() throws Exception {
        HoldoutSettings defaults = CloudConfig.builder().setPort(0).setLogFile(Path.of("cloud.log"))
                .setCsvFile(tmp.resolve("out/cloud.csv")).setModel(TestModels.initialDefaultNetwork(tmp.resolve("m"), 1))
                .setStoreDir(Path.of("models")).build().holdout();
        assertThat(defaults).isEqualTo(HoldoutSettings.DEFAULT);
        assertThat(defaults.frames()).isEqualTo(60);
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.judge()).isEqualTo(EdgeConfig.DEFAULT_JUDGE);
        assertThat(defaults.confidence()).isEqualTo(EdgeConfig.DEFAULT_CONFIDENCE);
        assertThat(defaults.nms()).isEqualTo(EdgeConfig.DEFAULT_NMS);
    }

    @Test
    void theHeldOutOptionsReachTheConfigAndHoldoutCsvLiesBesideTheCsvFile() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        CloudCommand command = new CloudCommand();
        new CommandLine(command).parseArgs("9000", "cloud.log", tmp.resolve("out/cloud.csv").toString(),
                "--model", model.cfg().getParent().toString(), "--holdout-frames", "20", "--holdout-judge", "iou",
                "--holdout-conf", "0.4", "--holdout-nms", "0.45");
        CloudConfig config = command.config();
        assertThat(config.holdout()).isEqualTo(new HoldoutSettings(20, "iou", 0.4f, 0.45f));
        assertThat(config.holdoutCsvFile()).isEqualTo(tmp.resolve("out/holdout.csv"));
        assertThat(CloudConfig.builder().setPort(0).setLogFile(Path.of("cloud.log")).setCsvFile(Path.of("cloud.csv"))
                .setModel(model).setStoreDir(Path.of("models")).build().holdoutCsvFile())
                .isEqualTo(Path.of("holdout.csv"));
    }
}
