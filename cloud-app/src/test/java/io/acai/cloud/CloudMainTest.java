package io.acai.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.model.TestModels;
import io.acai.records.run.HoldoutRow;
import io.acai.records.run.RetrainRow;
import io.acai.testkit.ConsoleCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudMainTest {

    private static String stderrOf(String... args) {
        ConsoleCapture result = ConsoleCapture.run(() -> CloudMain.run(args));
        assertThat(result.exitCode()).isEqualTo(2);
        return result.err();
    }

    @Test
    void helpListsEveryOptionInItsPlaceWithTheSharedOnesMixedIn() {
        ConsoleCapture help = ConsoleCapture.run(() -> CloudMain.run(new String[] {"--help"}));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).containsSubsequence("<csv file>",
                "--model=DIR|cfg,weights,names", "the model to start from", "--store=DIR", "--min-retrain-images=",
                "--epochs=", "--lr=", "(default: 0.001)", "--batch=", "--device=", "--freeze-backbone", "--threads=",
                "--push=", "--replay=", "--token=T", "shows in ps", "--token-file=PATH", "ACAI_TOKEN", "--duration=<duration>", "--seed=",
                "--heartbeat=<heartbeat>", "(default: 5s)", "--holdout-frames=", "(default: 60)", "--holdout-judge=",
                "--holdout-conf=", "(default: 0.8)", "--holdout-nms=", "--help", "--version");
    }

    @Test
    void missingArgumentsPrintTheUsageInOrderAndExitWithTwo() {
        String usage = stderrOf();
        assertThat(usage).contains("Missing required parameters: '<port>', '<log file>', '<csv file>'");
        assertThat(usage).containsSubsequence("<port>", "<log file>", "<csv file>");
    }

    @Test
    void aBadOptionValueNamesTheOption() {
        assertThat(stderrOf("5000", "cloud.log", "cloud.csv", "--epochs", "many")).contains("--epochs").contains("many");
    }

    @Test
    void badValuesAreUsageErrorsNamingTheChoices(@TempDir Path tmp) throws Exception {
        String model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1).cfg().getParent().toString();
        String log = tmp.resolve("cloud.log").toString();
        String csv = tmp.resolve("cloud.csv").toString();
        assertThat(stderrOf("0", log, csv, "--model", model, "--push", "some"))
                .contains("--push : some (expected: contributors or all)");
        assertThat(stderrOf("0", log, csv, "--model", model, "--device", "tpu"))
                .contains("(expected: auto, cpu or gpu)");
        assertThat(stderrOf("0", log, csv, "--model", "/nonexistent")).contains("--model : /nonexistent is not a folder");
        assertThat(stderrOf("0", log, csv, "--model", model, "--token-file", tmp.resolve("no-token").toString()))
                .contains("--token-file " + tmp.resolve("no-token") + ": cannot read it");
        assertThat(stderrOf("0", log, csv, "--model", model, "--token", "a", "--token-file", log))
                .contains("--token and --token-file are both given (expected: one of them)");
        assertThat(stderrOf("0", log, csv, "--model", model, "--holdout-judge", "boxes"))
                .contains("--holdout-judge : boxes (expected: classes or iou)");
        assertThat(stderrOf("0", log, csv, "--model", model, "--holdout-frames", "-5"))
                .contains("--holdout-frames : -5 (expected: 0 to turn scoring off, or 1..1000)");
        assertThat(stderrOf("0", log, csv, "--model", model, "--holdout-conf", "2"))
                .contains("--holdout-conf : 2.0 (expected: 0..1)");
    }

    @Test
    void runsForItsDurationAndStopsCleanly(@TempDir Path tmp) throws Exception {
        String model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1).cfg().getParent().toString();
        Path log = tmp.resolve("out/cloud.log");
        assertThat(CloudMain.run(new String[] {"0", log.toString(), tmp.resolve("out/cloud.csv").toString(),
                "--model", model, "--duration", "1s", "--token-file",
                java.nio.file.Files.writeString(tmp.resolve("token"), "t\n").toString(), "--holdout-frames", "3"})).isZero();
        assertThat(java.nio.file.Files.readString(log)).contains("INFO listening on port").contains("token required")
                .contains("INFO stopped");
        assertThat(tmp.resolve("out/models/v0000.weights")).exists();
        assertThat(RetrainRow.SCHEMA.readAll(tmp.resolve("out/cloud.csv"))).as("a header and no retrain").isEmpty();
        // v0 is being scored on a thread of its own (OpenCV's first load takes seconds); stopping waits for it at
        // most 3 s, so the cloud exits within the launcher's 5 s grace, scored or not
        assertThat(HoldoutRow.SCHEMA.readAll(tmp.resolve("out/holdout.csv"))).as("holdout.csv: v0 or nothing")
                .allSatisfy(row -> assertThat(row.modelVersion()).isEqualTo("0"));
        assertThat(java.nio.file.Files.readString(log)).containsAnyOf("METRIC holdout version=0 frames=3",
                "WARN held-out scoring stopped after 3000 ms");
    }
}
