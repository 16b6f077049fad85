package io.acai.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.testkit.ConsoleCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EdgeMainTest {

    private static String stderrOf(String... args) {
        ConsoleCapture result = ConsoleCapture.run(() -> EdgeMain.run(args));
        assertThat(result.exitCode()).isEqualTo(2);
        return result.err();
    }

    @Test
    void helpListsEveryOptionInItsPlaceWithTheSharedOnesMixedIn() {
        ConsoleCapture help = ConsoleCapture.run(() -> EdgeMain.run(new String[] {"--help"}));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).containsSubsequence("<edge id>", "--data=DIR", "--judge=",
                "--upload-threshold=", "--model=DIR|cfg,weights,names", "the model to start from", "--conf=", "--nms=",
                "--threads=", "--duration=<duration>", "--token=T", "--token-file=PATH", "--seed=", "--drift-after=",
                "--heartbeat=<heartbeat>", "(default: 5s)", "--static", "--help", "--version");
    }

    @Test
    void missingArgumentsPrintTheUsageInOrderAndExitWithTwo() {
        String usage = stderrOf("local", "5000");
        assertThat(usage).contains("Missing required parameters: '<inference log>', '<update log>', '<inference csv>', "
                + "'<update csv>', '<requests per second>'");
        assertThat(usage).containsSubsequence("<cloud host|local>", "<port>", "<inference log>", "<update log>",
                "<inference csv>", "<update csv>", "<requests per second>", "<edge id>");
    }

    @Test
    void aBadNumberNamesTheArgument() {
        assertThat(stderrOf("local", "port", "a", "b", "c", "d", "10", "e1")).contains("<port>").contains("'port'");
    }

    @Test
    void aBadJudgeIsAUsageErrorNamingTheChoices() {
        assertThat(stderrOf("local", "5000", "a", "b", "c", "d", "10", "e1", "--judge", "vibes"))
                .contains("judge: 'vibes' (expected: classes or iou)");
    }

    @Test
    void anEdgeIdTheCloudWouldRefuseIsAUsageError() {
        assertThat(stderrOf("local", "5000", "a", "b", "c", "d", "10", "Edge_1"))
                .contains("<edge id> : 'Edge_1' (expected: lower-case letters, digits and '-', starting with a letter");
    }

    @Test
    void aMissingModelFolderIsAUsageError() {
        assertThat(stderrOf("local", "5000", "a", "b", "c", "d", "10", "e1", "--model", "/nonexistent/model"))
                .contains("--model : /nonexistent/model is not a folder");
    }

    @Test
    void localPutsTheOutputsUnderLogsEdgeId() {
        assertThat(EdgeConfig.output("local", "edge-1", Path.of("out/edge_inf.csv")))
                .isEqualTo(Path.of("logs", "edge-1", "edge_inf.csv"));
        assertThat(EdgeConfig.output("cloud.example", "edge-1", Path.of("out/edge_inf.csv")))
                .isEqualTo(Path.of("out/edge_inf.csv"));
    }
}
