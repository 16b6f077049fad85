package io.acai.edge.model;

import static org.awaitility.Awaitility.await;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.infer.InferenceLoop;
import io.acai.edge.infer.Request;
import io.acai.edge.infer.RequestGenerator;
import io.acai.edge.source.ScenarioFrames;
import io.acai.model.DefaultModel;
import io.acai.model.TestModels;
import io.acai.protocol.ModelPush;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.InferenceRow;
import io.acai.scenes.DriftScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inference stall during model swaps: an edge's inference loop at 10 requests/s on the synthetic
 * scenes while new versions of the default network are pushed to its {@link ModelSwap} every 4 s
 * (checks, load and warm-up on the loader thread, swap between frames). Compares the requests'
 * queue wait and latency from each push to 1 s after its swap with those of a stretch without
 * swaps. Run by the {@code benchmarks} profile, not by {@code mvn verify}:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl edge-app -am -Dtest=SwapStallBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class SwapStallBenchmark {

    private static final double RATE = 10;
    private static final int SWAPS = 5;

    @TempDir
    Path tmp;

    private record Served(long enqueued, long taken, long end, int version) {
    }

    @Test
    void stallDuringSwaps() throws Exception {
        boolean trained = DefaultModel.class.getResource(DefaultModel.NAME + ".weights") != null;
        ModelFiles files = trained ? DefaultModel.extractTo(tmp.resolve("model"))
                : TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        EdgeModel initial = EdgeModel.read(files);
        OpenCvDetectorLoader loader = new OpenCvDetectorLoader(new DetectorSettings(0.8f, 0.3f, 2));
        ExecutorService events = Executors.newSingleThreadExecutor();
        DetectorSlot slot = new DetectorSlot(new DetectorSlot.Loaded(loader.load(initial), initial), events, m -> { });
        List<Served> served = Collections.synchronizedList(new ArrayList<>());
        List<Long> pushes = new ArrayList<>();
        LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
        try (RunLog log = RunLog.open(tmp.resolve("edge.log"));
             CsvRowWriter<InferenceRow> csv = InferenceRow.SCHEMA.create(tmp.resolve("edge_inf.csv"));
             ModelSwap swap = new ModelSwap(slot, loader, m -> { }, log);
             RequestGenerator requests = new RequestGenerator(queue, RATE)) {
            InferenceLoop loop = new InferenceLoop(queue, new ScenarioFrames(DriftScenario.builder("bench").build()), slot,
                    FrameJudge.named("classes")::correct, f -> { }, csv, log);
            loop.observe((r, taken, end, version) -> served.add(new Served(r.enqueuedNanos(), taken, end, version)));
            Thread thread = new Thread(loop, "acai-inference");
            thread.start();
            requests.start();
            // the windows are counted in frames served at RATE: 12 s before the first swap, 4 s after each
            awaitServed(served, (int) (12 * RATE));
            for (int v = 1; v <= SWAPS; v++) {
                byte[] weights = TestModels.otherWeights(files, 100 + v);
                pushes.add(System.nanoTime());
                swap.accept(ModelPush.of(v, weights));
                awaitServed(served, served.size() + (int) (4 * RATE));
            }
            loop.stop();
            thread.join();
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                    "%s, %.0f requests/s (interval %.0f ms), OpenCV 2 threads, %d swaps 4 s apart; longest swap on the"
                            + " inference thread %.3f ms%n", trained ? "default model" : "default network, seeded weights",
                    RATE, 1000 / RATE, SWAPS, loop.maxSwapNanos() / 1e6));
            List<Served> all = new ArrayList<>(served);
            long start = all.get(0).taken();
            report.append(window("no swap (2-12 s)", all, start + 2_000_000_000L, start + 12_000_000_000L));
            for (int v = 1; v <= SWAPS; v++) {
                long push = pushes.get(v - 1);
                int version = v;
                long swapped = all.stream().filter(s -> s.version() >= version).mapToLong(Served::taken).min().orElse(push);
                report.append(window(String.format(Locale.ROOT, "v%d: push to 1 s after swap (load+warm %.0f ms)", v,
                        (swapped - push) / 1e6), all, push, swapped + 1_000_000_000L));
            }
            System.out.print(report);
            Path out = Path.of("target", "benchmarks", "swap-stall.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.toString());
        } finally {
            slot.close();
            events.shutdown();
        }
    }

    /**
     * Queue wait and latency of the requests taken in the window, and their service time: from the
     * moment the inference thread could start on a request (it was enqueued and the previous one was
     * done) to its detection's end, so frame rendering plus detection plus any swap pause. Under
     * overload the waits grow with the backlog; the service time shows what the swap itself costs.
     */
    private static String window(String name, List<Served> all, long from, long to) {
        long maxWait = 0;
        long maxLatency = 0;
        long maxService = 0;
        double sumService = 0;
        int n = 0;
        for (int i = 1; i < all.size(); i++) {
            Served s = all.get(i);
            if (s.taken() < from || s.taken() > to) {
                continue;
            }
            long service = s.end() - Math.max(s.enqueued(), all.get(i - 1).end());
            maxWait = Math.max(maxWait, s.taken() - s.enqueued());
            maxLatency = Math.max(maxLatency, s.end() - s.enqueued());
            maxService = Math.max(maxService, service);
            sumService += service;
            n++;
        }
        return String.format(Locale.ROOT, "  %-45s %3d requests: service max %6.1f ms mean %6.1f ms; queue wait max"
                + " %7.1f ms; latency max %7.1f ms%n", name, n, maxService / 1e6, n == 0 ? 0 : sumService / n / 1e6,
                maxWait / 1e6, maxLatency / 1e6);
    }

    private static void awaitServed(List<Served> served, int frames) {
        await().atMost(Duration.ofMinutes(2)).until(() -> served.size() >= frames);
    }
}
