package io.acai.edge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.infer.InferenceLoop;
import io.acai.edge.infer.Request;
import io.acai.edge.infer.RequestGenerator;
import io.acai.edge.source.ScenarioFrames;
import io.acai.model.TestModels;
import io.acai.protocol.Message;
import io.acai.protocol.ModelAck;
import io.acai.protocol.ModelDigest;
import io.acai.protocol.ModelPush;
import io.acai.protocol.ModelRequest;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.InferenceRow;
import io.acai.scenes.DriftScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushed models through the real OpenCV loader: good ones swap in between frames, bad ones are refused. */
class ModelSwapTest {

    @TempDir
    Path tmp;

    private final BlockingQueue<Message> toCloud = new LinkedBlockingQueue<>();
    private final List<EdgeModel> swapped = new ArrayList<>();
    private ModelFiles files;
    private DetectorSlot slot;
    private ModelSwap swap;
    private RunLog log;

    @BeforeEach
    void start() throws Exception {
        files = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        EdgeModel initial = EdgeModel.read(files);
        OpenCvDetectorLoader loader = new OpenCvDetectorLoader(new DetectorSettings(0.5f, 0.3f, 1));
        slot = new DetectorSlot(new DetectorSlot.Loaded(loader.load(initial), initial), Runnable::run, swapped::add);
        log = RunLog.open(tmp.resolve("update.log"));
        swap = new ModelSwap(slot, loader, toCloud::add, log);
    }

    @AfterEach
    void stop() throws Exception {
        swap.close();
        slot.close();
        log.close();
    }

    @Test
    void aGoodPushIsSwappedInBetweenFrames() throws Exception {
        byte[] weights = TestModels.otherWeights(files, 2);
        swap.accept(ModelPush.of(1, weights));
        awaitNewest(1);
        assertThat(slot.model().version()).as("not before the next frame").isZero();
        slot.beforeFrame();
        assertThat(slot.model().version()).isEqualTo(1);
        assertThat(slot.model().weights()).isEqualTo(weights);
        assertThat(swapped).extracting(EdgeModel::version).containsExactly(1);
        assertThat(toCloud).isEmpty();
    }

    /**
     * The real inference loop serves frames while a push arrives: the loader thread installs it and
     * the inference thread takes it between two frames, so the frames' versions run 0...0 then 1...1.
     */
    @Test
    void theInferenceThreadSwapsBetweenTwoFrames() throws Exception {
        List<Integer> versions = new CopyOnWriteArrayList<>();
        LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
        try (CsvRowWriter<InferenceRow> csv = InferenceRow.SCHEMA.create(tmp.resolve("edge_inf.csv"));
             RequestGenerator requests = new RequestGenerator(queue, 20)) {
            InferenceLoop loop = new InferenceLoop(queue, new ScenarioFrames(DriftScenario.builder("swap").build()), slot,
                    FrameJudge.named("classes")::correct, frame -> { }, csv, log);
            loop.observe((request, taken, end, version) -> versions.add(version));
            Thread inference = new Thread(loop, "acai-inference");
            inference.start();
            try {
                requests.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> versions.size() >= 3);
                swap.accept(ModelPush.of(1, TestModels.otherWeights(files, 2)));
                await().atMost(Duration.ofSeconds(60)).until(() -> versions.stream().filter(v -> v == 1).count() >= 3);
            } finally {
                loop.stop();
                inference.join(10_000);
            }
            assertThat(inference.isAlive()).isFalse();
            assertThat(versions).as("frames served, by model version").hasSize((int) loop.inferences())
                    .isSorted().containsOnly(0, 1).startsWith(0, 0, 0).endsWith(1, 1, 1);
        }
        assertThat(swapped).extracting(EdgeModel::version).containsExactly(1);
        assertThat(toCloud).isEmpty();
    }

    /** Between requests the loop sleeps in the queue; stopping it wakes it, however long no request has come. */
    @Test
    void anIdleInferenceLoopEndsWhenStopped() throws Exception {
        LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
        try (CsvRowWriter<InferenceRow> csv = InferenceRow.SCHEMA.create(tmp.resolve("edge_inf.csv"))) {
            InferenceLoop loop = new InferenceLoop(queue, new ScenarioFrames(DriftScenario.builder("idle").build()), slot,
                    FrameJudge.named("classes")::correct, frame -> { }, csv, log);
            Thread inference = new Thread(loop, "acai-inference");
            inference.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> inference.getState() == Thread.State.WAITING);
            loop.stop();
            inference.join(10_000);
            assertThat(inference.isAlive()).as("the loop still waits for a request after stop()").isFalse();
            assertThat(loop.inferences()).isZero();
        }
    }

    @Test
    void corruptedWeightsAreRefusedByTheChecksumAndAskedForAgain() throws Exception {
        byte[] weights = TestModels.otherWeights(files, 2);
        byte[] digest = ModelDigest.sha256(weights);
        byte[] corrupted = weights.clone();
        corrupted[corrupted.length / 2] ^= 0x40;
        swap.accept(new ModelPush(1, digest, corrupted, "", ""));
        ModelAck ack = (ModelAck) toCloud.poll(30, TimeUnit.SECONDS);
        assertThat(ack.ok()).isFalse();
        assertThat(ack.reason()).startsWith("sha256 mismatch");
        assertThat(toCloud.poll(5, TimeUnit.SECONDS)).isEqualTo(new ModelRequest(0));
        slot.beforeFrame();
        assertThat(slot.model().version()).isZero();
        assertThat(Files.readString(tmp.resolve("update.log"))).contains("WARN model v1 refused, keeping v0: sha256 mismatch");
    }

    @Test
    void truncatedWeightsWithAMatchingDigestAreRefusedBySize() throws Exception {
        byte[] weights = TestModels.otherWeights(files, 2);
        byte[] truncated = Arrays.copyOf(weights, weights.length - 1000);
        swap.accept(ModelPush.of(1, truncated));
        ModelAck ack = (ModelAck) toCloud.poll(30, TimeUnit.SECONDS);
        assertThat(ack.ok()).isFalse();
        assertThat(ack.reason()).contains("weights of v1");
        assertThat(toCloud.poll(5, TimeUnit.SECONDS)).isInstanceOf(ModelRequest.class);
        slot.beforeFrame();
        assertThat(slot.model().version()).isZero();
    }

    @Test
    void anOlderOrSameVersionIsIgnored() throws Exception {
        byte[] weights = TestModels.otherWeights(files, 2);
        swap.accept(ModelPush.of(2, weights));
        awaitNewest(2);
        swap.accept(ModelPush.of(2, TestModels.otherWeights(files, 3)));
        swap.accept(ModelPush.of(1, TestModels.otherWeights(files, 4)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Files.readString(tmp.resolve("update.log")))
                .contains("model v2 ignored: v2 is newer or the same", "model v1 ignored: v2 is newer or the same"));
        slot.beforeFrame();
        assertThat(swapped).extracting(EdgeModel::version).containsExactly(2);
        assertThat(slot.model().weights()).as("the first v2 pushed").isEqualTo(weights);
    }

    @Test
    void stopsAskingAfterRepeatedFailures() throws Exception {
        byte[] weights = TestModels.otherWeights(files, 2);
        for (int i = 0; i <= ModelSwap.MAX_REQUESTS; i++) {
            swap.accept(new ModelPush(1, new byte[32], weights, "", ""));
        }
        int requests = 0;
        for (Message m; (m = toCloud.poll(5, TimeUnit.SECONDS)) != null; ) {
            requests += m instanceof ModelRequest ? 1 : 0;
        }
        assertThat(requests).isEqualTo(ModelSwap.MAX_REQUESTS);
    }

    private void awaitNewest(int version) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(slot.newestVersion()).isEqualTo(version));
    }
}
