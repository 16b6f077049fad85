package io.acai.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.ModelFiles;
import io.acai.model.TestModels;
import io.acai.records.run.InferenceRow;
import io.acai.testkit.ConsoleCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code edge-app.jar host FILE} with real members (static controls, which need no cloud): each writes its own files in
 * its own folder; a bad member stops the host before anything starts, a failing one ends it with its exit code.
 */
class EdgeHostCommandTest {

    @TempDir
    Path tmp;

    @Test
    void twoMembersInOneJvmEachWriteTheirOwnFilesInTheirOwnFolder() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        Path file = hostFile(member("edge-a", model), member("edge-b", model));
        ConsoleCapture run = ConsoleCapture.run(() -> EdgeMain.run(new String[] {"host", file.toString()}));
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String id : List.of("edge-a", "edge-b")) {
            Path dir = tmp.resolve(id);
            assertThat(InferenceRow.SCHEMA.readAll(dir.resolve("edge_inf.csv"))).as(id).isNotEmpty();
            assertThat(Files.readString(dir.resolve("inference.log"))).contains("edge " + id + ": model")
                    .contains("METRIC run requests=").contains("stopped");
        }
    }

    @Test
    void aMemberThatCannotStartEndsTheHostWithItsExitCodeAfterClosingTheOthers() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        Files.createDirectories(tmp.resolve("edge-b"));
        Files.writeString(tmp.resolve("edge-b/edge_inf.csv"), "not,the,header\n");
        Path file = hostFile(member("edge-a", model), member("edge-b", model));
        ConsoleCapture run = ConsoleCapture.run(() -> EdgeMain.run(new String[] {"host", file.toString()}));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("edge-app host: edge-b: ").contains("(exit code 1)");
        assertThat(Files.readString(tmp.resolve("edge-a/inference.log"))).as("the started member was closed")
                .contains("stopped");
    }

    @Test
    void aBadMemberLineIsAUsageErrorNamingTheFileAndLineBeforeAnythingStarts() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        List<String> good = member("edge-a", model);
        List<String> badJudge = new ArrayList<>(member("edge-b", model));
        badJudge.addAll(List.of("--judge", "vibes"));
        Path file = hostFile(good, badJudge);
        assertThat(usageError(file)).contains(file + ":3: ").contains("judge: 'vibes' (expected: classes or iou)");
        assertThat(tmp.resolve("edge-a/inference.log")).as("nothing started").doesNotExist();

        assertThat(usageError(hostFile(good, member("edge-a", model))))
                .contains(":3: <edge id> : 'edge-a' is line 2's too");
        List<String> noId = new ArrayList<>(member("edge-b", model));
        noId.remove("edge-b");
        assertThat(usageError(hostFile(good, noId))).contains(":3: <edge id> : not given");
        List<String> sameFiles = new ArrayList<>(member("edge-b", model));
        sameFiles.set(sameFiles.indexOf(tmp.resolve("edge-b").toString()), tmp.resolve("edge-a").toString());
        assertThat(usageError(hostFile(good, sameFiles))).contains(":3: ").contains("is written by line 2 too");
        List<String> badBind = new ArrayList<>(member("edge-b", model));
        badBind.addAll(List.of("--bind", "192.0.2.77"));
        assertThat(usageError(hostFile(good, badBind))).contains(":3: --bind : '192.0.2.77' cannot be bound on this host");
        assertThat(usageError(tmp.resolve("missing.host"))).contains("FILE : cannot read " + tmp.resolve("missing.host"));
    }

    private String usageError(Path file) {
        ConsoleCapture run = ConsoleCapture.run(() -> EdgeMain.run(new String[] {"host", file.toString()}));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        return run.err();
    }

    /** A static control writing relative file names into its own --work-dir. */
    private List<String> member(String id, ModelFiles model) {
        return List.of("none", "0", "inference.log", "update.log", "edge_inf.csv", "edge_update.csv", "20", id,
                "--static", "--model", model.cfg().getParent().toString(), "--threads", "1", "--duration", "3s",
                "--work-dir", tmp.resolve(id).toString());
    }

    @SafeVarargs
    private Path hostFile(List<String>... members) throws Exception {
        Path file = Files.createTempFile(tmp, "edges", ".host");
        StringBuilder text = new StringBuilder("# members\n");
        for (List<String> member : members) {
            text.append(member.stream().map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(", ", "[", "]\n")));
        }
        Files.writeString(file, text);
        return file;
    }
}
