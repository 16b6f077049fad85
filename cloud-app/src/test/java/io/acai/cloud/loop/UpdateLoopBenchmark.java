package io.acai.cloud.loop;

import static org.awaitility.Awaitility.await;

import io.acai.cloud.train.TorchThreads;
import io.acai.detection.ModelFiles;
import io.acai.edge.EdgeApp;
import io.acai.model.DefaultModel;
import io.acai.model.TestModels;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update loop's timing on loopback, one cloud and one edge in this JVM at 10 requests/s with
 * the original's upload threshold of 50: time from the threshold to the new model serving, split
 * into upload, retrain, save, push and load, and the longest any request waited around the swap.
 * Run by the {@code benchmarks} profile, not by {@code mvn verify}:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=UpdateLoopBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class UpdateLoopBenchmark {

    private static final int ROUNDS = 2;
    private static final double RATE = 10;

    @TempDir
    Path tmp;

    /** One served request, in nanoTime. */
    private record Served(long enqueued, long taken, long end, int version) {
    }

    @Test
    void updateLoopSplitAndSwapStall() throws Exception {
        TorchThreads.limit(1); // one core for PyTorch, the other for the edge's inference
        boolean trained = DefaultModel.class.getResource(DefaultModel.NAME + ".weights") != null;
        ModelFiles model = trained ? DefaultModel.extractTo(tmp.resolve("model"))
                : TestModels.initialDefaultNetwork(tmp.resolve("model"), 7);
        TrainingSettings training = TrainingSettings.builder().setEpochs(1).setBatchSize(8)
                .optDevice(TrainingDevice.CPU).optSeed(1).build();
        List<Served> served = Collections.synchronizedList(new ArrayList<>());
        long[] swapPause = new long[1];
        try (LoopbackRun run = new LoopbackRun(tmp.resolve("run"), model, trained, training, 0, 0, List.of("edge-a"),
                RATE, 50, 0.8f)) {
            EdgeApp edge = run.edges.get(0);
            edge.inferenceLoop().observe((r, taken, end, version) -> served.add(new Served(r.enqueuedNanos(), taken, end, version)));
            run.awaitAllServing(ROUNDS, Duration.ofMinutes(15));
            // the report looks at the requests up to 1 s after the last swap: wait for one taken later
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                synchronized (served) {
                    List<Served> all = new ArrayList<>(served);
                    return all.get(all.size() - 1).taken() > firstWith(all, ROUNDS) + 1_000_000_000L;
                }
            });
            swapPause[0] = edge.inferenceLoop().maxSwapNanos();
        }
        StringBuilder report = new StringBuilder();
        report.append("model: ").append(trained ? "default acai-shapes (trained)" : "acai-shapes network, untrained weights")
                .append(", ").append(RATE).append(" req/s, threshold 50, retrain 1 epoch batch 8 on CPU (1 PyTorch thread)\n");
        List<UpdateRow> updates = UpdateRow.SCHEMA.readAll(tmp.resolve("run/edge-a/edge_update.csv"));
        List<RetrainRow> cloud = RetrainRow.SCHEMA.readAll(tmp.resolve("run/cloud/cloud.csv"));
        for (int i = 0; i < updates.size() && i < cloud.size(); i++) {
            UpdateRow u = updates.get(i);
            RetrainRow c = cloud.get(i);
            double total = u.updateEnd() - u.updateStart();
            double upload = u.sendEnd() - u.updateStart();
            double retrain = c.updated() - c.received();
            double save = c.saved() - c.updated();
            double encode = c.encoded() - c.saved();
            double push = u.receive() - c.encoded();
            double load = u.updateEnd() - u.receive();
            double waitForCloud = c.received() - u.sendEnd();
            report.append(String.format(Locale.ROOT,
                    "update %d (v%s, %.0f images, %.0f bytes up, %.0f bytes down): total %.0f ms = upload %.0f (encode "
                            + "%.0f, write %.0f) + cloud receive %.0f + retrain %.0f + save %.0f + encode %.0f + push %.0f"
                            + " + load/warm/swap %.0f; all but the retrain: %.0f ms%n",
                    i + 1, u.modelVersion(), u.images(), u.bytesUp(), u.bytesDown(), total, upload,
                    u.prepare() - u.updateStart(), u.sendEnd() - u.prepare(), waitForCloud, retrain, save, encode, push,
                    load, total - retrain));
        }
        List<Served> all;
        synchronized (served) {
            all = new ArrayList<>(served);
        }
        for (int version = 1; version <= ROUNDS; version++) {
            long swap = firstWith(all, version);
            long before = maxWait(all, swap - 60_000_000_000L, swap - 10_000_000_000L);
            long around = maxWait(all, swap - 1_000_000_000L, swap + 1_000_000_000L);
            long gap = maxGap(all, swap - 1_000_000_000L, swap + 1_000_000_000L);
            report.append(String.format(Locale.ROOT,
                    "swap to v%d: longest queue wait within 1 s of the swap %.1f ms, longest time between two detections"
                            + " ending %.1f ms (request interval %.0f ms); longest wait 10-60 s before it %.1f ms%n",
                    version, around / 1e6, gap / 1e6, 1000 / RATE, before / 1e6));
        }
        report.append(String.format(Locale.ROOT, "longest swap on the inference thread: %.3f ms%n", swapPause[0] / 1e6));
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "update-loop.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private static long firstWith(List<Served> all, int version) {
        return all.stream().filter(s -> s.version() >= version).mapToLong(Served::taken).min()
                .orElseThrow(() -> new AssertionError("no request served by v" + version));
    }

    private static long maxWait(List<Served> all, long from, long to) {
        return all.stream().filter(s -> s.taken() >= from && s.taken() <= to).mapToLong(s -> s.taken() - s.enqueued())
                .max().orElse(0);
    }

    private static long maxGap(List<Served> all, long from, long to) {
        long max = 0;
        for (int i = 1; i < all.size(); i++) {
            Served s = all.get(i);
            if (s.taken() >= from && s.taken() <= to) {
                max = Math.max(max, s.end() - all.get(i - 1).end());
            }
        }
        return max;
    }
}
