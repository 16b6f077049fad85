package io.acai.edge.infer;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.ClassNames;
import io.acai.detection.Detection;
import io.acai.detection.Detector;
import io.acai.detection.LabeledFrame;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.model.DetectorSlot;
import io.acai.edge.model.EdgeModel;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.edge.source.FrameSource;
import io.acai.edge.source.ScenarioFrames;
import io.acai.model.DefaultModel;
import io.acai.records.RunLog;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.InferenceRow;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.SharedFrames;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the CPU of one edge's frame goes: the real {@link InferenceLoop} of a static edge (default model, one
 * OpenCV thread, {@code --conf 0.4}, judge {@code classes}, drift after 40 s: the edges of
 * {@code experiments/scale-20.json}) fed by the real {@link RequestGenerator}, with its frame source, detector and
 * judge wrapped to add up the inference thread's CPU time in each. The loop's own share (queue, window, the
 * {@code edge_inf.csv} row and METRIC line every 10 frames) is the inference thread's CPU less those three; the
 * files alone are timed apart, on the same writers; the JVM's share (the request timer, GC, JIT compilers) is the
 * process's CPU less the inference thread's. A warm-up pass of 600 frames runs first, back to back.
 *
 * <p>Then two edges of the same scenario (the same seed, size, drift and styles, other camera names) play at the same
 * time in the same JVM, each with its own detector: first each drawing its own frames, then sharing them through one
 * {@link SharedFrames} (the first to ask for a frame draws it, the other takes it). The JVM's share of a run with
 * two edges is given per frame served by either. The surefire JVM compiles with C2, where the edges the launcher
 * starts stop at C1.
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl edge-app -am -Dtest=FrameCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dacai.frames=300] [-Dacai.frames.rate=10] [-Dacai.frames.warmup=600]
 * </pre>
 *
 * Prints numbers; asserts nothing about time.
 */
@Tag("benchmark")
class FrameCostBenchmark {

    private static final int FRAMES = Integer.getInteger("acai.frames", 300);
    private static final int WARM_UP = Integer.getInteger("acai.frames.warmup", 600);
    private static final double RATE = Double.parseDouble(System.getProperty("acai.frames.rate", "10"));
    private static final long SEED = 42;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dir;

    @Test
    void report() throws Exception {
        EdgeModel model = EdgeModel.read(DefaultModel.extractToTemporaryFolder());
        System.out.printf(Locale.ROOT, "%nmachine: %d CPUs visible, load average %.1f; %d frames at %.0f/s per edge"
                + " after %d back to back; default model, 1 OpenCV thread, conf 0.4, judge classes%n",
                Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage(), FRAMES, RATE, WARM_UP);
        System.out.println("| run | edge | render | detect | judge | loop (queue, window, files) | of which files "
                + "| JVM (timer, GC, JIT), per frame of the run | total CPU ms/frame | detect wall ms |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        DetectorSettings settings = new DetectorSettings(0.4f, io.acai.edge.EdgeConfig.DEFAULT_NMS, 1);
        try (Detector one = new OpenCvDetectorLoader(settings).load(model);
             Detector two = new OpenCvDetectorLoader(settings).load(model)) {
            run("warm-up (not counted)", WARM_UP, Double.NaN, model, List.of(one),
                    List.of(new ScenarioFrames(scenario("edge-w"), new SharedFrames(1))));
            run("one edge", FRAMES, RATE, model, List.of(one), List.of(new ScenarioFrames(scenario("edge-a"))));
            run("two edges, same scenario, each drawing its own", FRAMES, RATE, model, List.of(one, two),
                    List.of(new ScenarioFrames(scenario("edge-a"), new SharedFrames(SharedFrames.DEFAULT_CAPACITY)),
                            new ScenarioFrames(scenario("edge-b"), new SharedFrames(SharedFrames.DEFAULT_CAPACITY))));
            SharedFrames shared = new SharedFrames(SharedFrames.DEFAULT_CAPACITY);
            run("two edges, same scenario, frames shared", FRAMES, RATE, model, List.of(one, two),
                    List.of(new ScenarioFrames(scenario("edge-a"), shared),
                            new ScenarioFrames(scenario("edge-b"), shared)));
            System.out.printf("shared: %d frames drawn for %d served, %d held at the end%n", shared.drawn(),
                    2 * FRAMES, shared.held());
        }
    }

    private static DriftScenario scenario(String camera) {
        return DriftScenario.builder(camera).seed(SEED).driftAfter(Duration.ofSeconds(40), 1).build();
    }

    /**
     * Plays {@code frames} frames on each edge, all at once, each through its own real inference loop and detector;
     * {@code rate} NaN: every request enqueued at the start.
     */
    private void run(String label, int frames, double rate, EdgeModel model, List<Detector> detectors,
                     List<FrameSource> sources) throws Exception {
        List<Edge> edges = new ArrayList<>();
        Map<String, Long> threadsStart = NativeThreads.cpuMillis();
        long processStart = OS.getProcessCpuTime();
        try {
            for (int i = 0; i < sources.size(); i++) {
                Path folder = Files.createDirectories(dir.resolve(label.replaceAll("[^a-z-]", "_") + "-" + i));
                edges.add(new Edge(folder, sources.get(i), detectors.get(i), model, frames, rate));
            }
            for (Edge edge : edges) {
                edge.start();
            }
            for (Edge edge : edges) {
                edge.awaitFrames();
            }
            long processCpu = OS.getProcessCpuTime() - processStart;
            Map<String, Long> threadsEnd = NativeThreads.cpuMillis();
            long threadsCpu = 0;
            for (Edge edge : edges) {
                threadsCpu += edge.threadCpu;
            }
            long served = 0;
            for (Edge edge : edges) {
                served += edge.frames;
            }
            double jvm = (processCpu - threadsCpu) / (1e6 * served);
            for (Edge edge : edges) {
                double perFrame = 1e6 * edge.frames;
                double parts = edge.source.cpu + edge.detector.cpu + edge.judged;
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.3f | %.2f | %.3f | %.2f | %.2f | %.2f |%n",
                        label, edge.source.describe().replaceAll(".*camera (\\S+).*", "$1"), edge.source.cpu / perFrame,
                        edge.detector.cpu / perFrame, edge.judged / perFrame, (edge.threadCpu - parts) / perFrame,
                        filesMillisPerFrame(edge.folder, frames), jvm, edge.threadCpu / perFrame + jvm,
                        edge.detector.wall / perFrame);
            }
            System.out.println("  the JVM's threads, CPU ms per frame served: " + NativeThreads.busiest(threadsStart,
                    threadsEnd, served));
        } finally {
            for (Edge edge : edges) {
                edge.close();
            }
        }
    }

    /** One edge's inference loop, request generator and files, its parts timed. */
    private static final class Edge implements AutoCloseable {

        final Path folder;
        final TimedSource source;
        final TimedDetector detector;
        final RunLog log;
        final CsvRowWriter<InferenceRow> csv;
        final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
        final InferenceLoop loop;
        final Thread thread;
        final double rate;
        final int count;
        final CountDownLatch served;
        RequestGenerator requests;
        long judged;
        long threadCpu;
        long threadStart;
        long frames;

        Edge(Path folder, FrameSource frames, Detector detector, EdgeModel model, int count, double rate)
                throws IOException {
            this.folder = folder;
            this.count = count;
            this.served = new CountDownLatch(count);
            this.source = new TimedSource(frames);
            this.detector = new TimedDetector(detector);
            this.rate = rate;
            FrameJudge classes = FrameJudge.named("classes");
            FrameCheck judge = (detections, truth) -> {
                long start = THREADS.getCurrentThreadCpuTime();
                boolean correct = classes.correct(detections, truth);
                judged += THREADS.getCurrentThreadCpuTime() - start;
                return correct;
            };
            this.log = RunLog.open(folder.resolve("inference.log"));
            this.csv = InferenceRow.SCHEMA.create(folder.resolve("edge_inf.csv"));
            DetectorSlot slot = new DetectorSlot(new DetectorSlot.Loaded(this.detector, model), Runnable::run,
                    m -> { });
            this.loop = new InferenceLoop(queue, source, slot, judge, frame -> { }, csv, log);
            this.loop.observe((request, taken, end, version) -> served.countDown());
            this.thread = new Thread(loop, "acai-inference-" + folder.getFileName());
        }

        void start() {
            thread.start();
            threadStart = THREADS.getThreadCpuTime(thread.getId());
            if (Double.isNaN(rate)) {
                for (int i = 0; i < count; i++) {
                    queue.add(new Request(i, System.nanoTime()));
                }
            } else {
                requests = new RequestGenerator(queue, rate);
                requests.start();
            }
        }

        void awaitFrames() throws InterruptedException {
            served.await();
            threadCpu = THREADS.getThreadCpuTime(thread.getId()) - threadStart;
            frames = loop.inferences();
            if (requests != null) {
                requests.close();
            }
        }

        @Override
        public void close() throws Exception {
            if (requests != null) {
                requests.close();
            }
            loop.stop();
            thread.join();
            csv.close();
            log.close();
        }
    }

    /** CPU per frame of the files alone: a row of edge_inf.csv and a METRIC line every 10 frames. */
    private static double filesMillisPerFrame(Path folder, int frames) throws IOException {
        InferenceWindow window = new InferenceWindow();
        try (RunLog log = RunLog.open(folder.resolve("files.log"));
             CsvRowWriter<InferenceRow> csv = InferenceRow.SCHEMA.create(folder.resolve("files.csv"))) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < frames; i++) {
                InferenceWindow.Summary summary = window.add(7_000_000, 100_000, 0, i % 3 == 0, 0,
                        System.currentTimeMillis());
                if (summary != null) {
                    csv.write(summary.row());
                    log.metric("inference", summary.metricValues());
                }
            }
            return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / frames;
        }
    }

    /**
     * The CPU of this process's native threads by name ({@code /proc/self/task/<tid>/stat}, in clock ticks of 10 ms),
     * a trailing number dropped so that numbered threads ({@code GC Thread#0}, {@code GC Thread#1}) count together:
     * what the JVM's share is made of, which the JVM's own beans do not show (GC and compiler threads).
     */
    private static final class NativeThreads {

        static Map<String, Long> cpuMillis() throws IOException {
            Map<String, Long> millis = new TreeMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException e) {
                        continue; // the thread ended
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("#?[0-9]+$", "").strip();
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    millis.merge(name, ticks * 10, Long::sum);
                }
            }
            return millis;
        }

        /** The five names that used most CPU between the two snapshots, per frame served. */
        static String busiest(Map<String, Long> start, Map<String, Long> end, long frames) {
            return end.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - start.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(5)
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) frames))
                    .collect(Collectors.joining(", "));
        }
    }

    /** Adds up the calling thread's CPU time spent drawing frames. */
    private static final class TimedSource implements FrameSource {

        private final FrameSource frames;
        private long cpu;

        TimedSource(FrameSource frames) {
            this.frames = frames;
        }

        @Override
        public LabeledFrame frame(long index) throws IOException {
            long start = THREADS.getCurrentThreadCpuTime();
            LabeledFrame frame = frames.frame(index);
            cpu += THREADS.getCurrentThreadCpuTime() - start;
            return frame;
        }

        @Override
        public String describe() {
            return frames.describe();
        }
    }

    /** Adds up the calling thread's CPU time (and wall time) in detection; closing it leaves the detector open. */
    private static final class TimedDetector implements Detector {

        private final Detector detector;
        private long cpu;
        private long wall;

        TimedDetector(Detector detector) {
            this.detector = detector;
        }

        @Override
        public List<Detection> detect(BufferedImage image) {
            long start = THREADS.getCurrentThreadCpuTime();
            long startWall = System.nanoTime();
            List<Detection> detections = detector.detect(image);
            wall += System.nanoTime() - startWall;
            cpu += THREADS.getCurrentThreadCpuTime() - start;
            return detections;
        }

        @Override
        public ClassNames classNames() {
            return detector.classNames();
        }

        @Override
        public void close() {
        }
    }
}
