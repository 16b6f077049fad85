package io.acai.cloud.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.cloud.store.ModelStore;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.model.TestModels;
import io.acai.protocol.UploadImage;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.RetrainRow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One round of the retrain loop against a real model store and CSV, with the edges as an in-memory
 * {@link EdgeFleet}: contributors e1 and e3, bystander e2, and e3 not connected.
 */
class RetrainLoopTest {

    @TempDir
    Path tmp;

    private final RecordingFleet fleet = new RecordingFleet("e1", "e2");
    /** What the loop handed on after each push, with the pushes the fleet had seen by then. */
    private final List<String> handedOn = new java.util.ArrayList<>();
    private ModelStore store;

    @BeforeEach
    void openStore() throws Exception {
        store = ModelStore.open(tmp.resolve("store"), TestModels.initialDefaultNetwork(tmp.resolve("m"), 1));
    }

    private static PendingImage image(String edgeId, String imageId, byte[] jpeg, long receivedMillis) {
        return new PendingImage(edgeId, 1, new UploadImage(imageId, 16, 16, jpeg, List.of()), receivedMillis);
    }

    private static byte[] jpeg() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR), "jpg", jpeg);
        return jpeg.toByteArray();
    }

    private Round round() throws Exception {
        return new Round(List.of(image("e1", "i1", jpeg(), 4), image("e3", "i2", jpeg(), 5)), 5);
    }

    private void runRound(Round round, Retrainer retrainer, PushPolicy policy) throws Exception {
        try (RunLog log = RunLog.open(tmp.resolve("cloud.log")); CsvRowWriter<RetrainRow> csv = RetrainRow.SCHEMA.create(tmp.resolve("cloud.csv"))) {
            RetrainLoop loop = new RetrainLoop(new UploadQueue(), store, retrainer, new ReplayBuffer(4, 1), fleet,
                    policy, 1, csv, log, v -> handedOn.add("v" + v.version() + " after " + fleet.pushes.size()
                            + " push(es)"));
            loop.retrain(round);
        }
    }

    private Retrainer succeeding() throws Exception {
        byte[] retrained = DarknetWeights.initial(store.cfg(), 2).encode();
        return (weights, frames) -> new RetrainOutcome(retrained, 2.0, 1.0, 1, "cpu");
    }

    @Test
    void eachRoundDeletesTheVersionsRetentionDoesNotKeepAfterItsPush() throws Exception {
        store = ModelStore.open(tmp.resolve("kept"), TestModels.initialDefaultNetwork(tmp.resolve("m2"), 1), 2);
        for (int i = 0; i < 4; i++) {
            runRound(round(), succeeding(), PushPolicy.ALL);
        }
        try (var files = Files.list(tmp.resolve("kept"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".weights")).sorted())
                    .containsExactly("v0000.weights", "v0003.weights", "v0004.weights");
        }
        // the log of the last round, which deleted v2
        assertThat(Files.readString(tmp.resolve("cloud.log"))).contains("model store: deleted [v2], keeping the first"
                + " version and the newest 2 (--keep-versions)");
    }

    @Test
    void pushesTheSavedVersionToTheConnectedContributorsAndWritesARow() throws Exception {
        runRound(round(), succeeding(), PushPolicy.CONTRIBUTORS);

        assertThat(store.current().version()).isEqualTo(1);
        assertThat(fleet.pushes).containsExactly(new RecordingFleet.Push(1, List.of("e1")));
        assertThat(fleet.failures).isEmpty();
        assertThat(RetrainRow.SCHEMA.readAll(tmp.resolve("cloud.csv"))).as("2 images from 2 edges").singleElement()
                .satisfies(row -> {
                    assertThat(row.received()).isEqualTo(5);
                    assertThat(row).extracting(RetrainRow::images, RetrainRow::edges, RetrainRow::epochs,
                                    RetrainRow::lossFirst, RetrainRow::lossLast, RetrainRow::device, RetrainRow::modelVersion)
                            .containsExactly(2.0, 2.0, 1.0, 2.0, 1.0, "cpu", "1");
                });
        assertThat(handedOn).as("the held-out scoring hears of v1 once it was pushed").containsExactly(
                "v1 after 1 push(es)");
        assertThat(Files.readString(tmp.resolve("cloud.log")))
                .contains("pushed to 1 of 1 edges (contributors)")
                .contains("METRIC retrain version=1 images=2 replayed=0 edges=2 epochs=1");
    }

    @Test
    void pushesToEveryConnectedEdgeWhenTheyAllGetIt() throws Exception {
        runRound(round(), succeeding(), PushPolicy.ALL);

        assertThat(fleet.pushes).containsExactly(new RecordingFleet.Push(1, List.of("e1", "e2")));
        assertThat(Files.readString(tmp.resolve("cloud.log"))).contains("pushed to 2 of 2 edges (all)");
    }

    @Test
    void aFailedRetrainKeepsTheVersionAndTellsTheContributors() throws Exception {
        runRound(round(), (weights, frames) -> {
            throw new IllegalStateException("out of memory");
        }, PushPolicy.ALL);

        assertThat(store.current().version()).isZero();
        assertThat(fleet.pushes).isEmpty();
        assertThat(fleet.failures).containsExactly(new RecordingFleet.Failure(List.of("e1"), "retrain failed: out of memory"));
        assertThat(handedOn).as("no new version to score").isEmpty();
        assertThat(RetrainRow.SCHEMA.readAll(tmp.resolve("cloud.csv"))).isEmpty();
    }

    @Test
    void weightsTheStoreRefusesAreAFailedRetrain() throws Exception {
        runRound(round(), (weights, frames) -> new RetrainOutcome(new byte[] {1, 2, 3}, 1, 1, 1, "cpu"),
                PushPolicy.CONTRIBUTORS);

        assertThat(store.current().version()).isZero();
        assertThat(fleet.failures).singleElement().satisfies(f ->
                assertThat(f.reason()).startsWith("retrain failed: retrained weights for v1: refused"));
    }

    @Test
    void aRoundOfUndecodableImagesIsSkippedAndTheContributorsAreTold() throws Exception {
        Round broken = new Round(List.of(image("e1", "i1", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, 5)), 5);
        runRound(broken, (weights, frames) -> {
            throw new AssertionError("no retrain without images");
        }, PushPolicy.CONTRIBUTORS);

        assertThat(store.current().version()).isZero();
        assertThat(fleet.failures).containsExactly(new RecordingFleet.Failure(List.of("e1"),
                "retrain skipped: none of the uploaded images could be used"));
        assertThat(Files.readString(tmp.resolve("cloud.log"))).contains("upload skipped: edge e1, image i1: file : 4 bytes");
    }
}
