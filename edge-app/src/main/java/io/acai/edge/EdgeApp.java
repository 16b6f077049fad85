package io.acai.edge;

import io.acai.dataset.Datasets;
import io.acai.detection.LabeledFrame;
import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.NetSection;
import io.acai.edge.infer.FrameCheck;
import io.acai.edge.infer.InferenceLoop;
import io.acai.edge.infer.Request;
import io.acai.edge.infer.RequestGenerator;
import io.acai.edge.link.Backoff;
import io.acai.edge.link.CloudClient;
import io.acai.edge.model.DetectorLoader;
import io.acai.edge.model.DetectorSlot;
import io.acai.edge.model.EdgeModel;
import io.acai.edge.model.ModelSwap;
import io.acai.edge.source.DatasetFrames;
import io.acai.edge.source.FrameSource;
import io.acai.edge.source.ScenarioFrames;
import io.acai.edge.upload.EdgeUpdates;
import io.acai.edge.upload.UpdateCompletion;
import io.acai.edge.upload.UpdateTracker;
import io.acai.edge.upload.UploadBuffer;
import io.acai.edge.upload.Uploader;
import io.acai.model.DefaultModel;
import io.acai.options.AppFailure;
import io.acai.options.FileClosing;
import io.acai.protocol.AcaiPipeline;
import io.acai.protocol.ProtocolLimits;
import io.acai.records.RunFileWriteException;
import io.acai.records.RunLog;
import io.acai.records.WriteFailureListener;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.UpdateRow;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.PhotoDrift;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A running edge: the emulated user, the inference thread, the upload buffer and the connection to
 * the cloud, wired together. Closing it stops them in that order and closes the logs and CSVs. A
 * static control ({@link EdgeConfig#staticControl()}) has only the first two: it serves its starting
 * model on its frames and writes {@code edge_inf.csv}, and its {@code edge_update.csv} keeps only
 * its header. Its logs and CSVs are appended to, so a restarted edge carries them on. A failed write of any of them,
 * or the inference thread's death, is reported to {@link #failure()}: {@link #awaitDuration()} then returns and the
 * command closes the app and exits with {@link io.acai.options.AppExitCode#WORKER_FAILED}.
 */
public final class EdgeApp implements AutoCloseable {

    public static final String SOFTWARE_VERSION = "acai-edge/0.1.0";
    /** The line a static control writes once in each of its logs. */
    public static final String STATIC_NOTE = "static control (--static): serves its starting model throughout; never "
            + "connects to the cloud, never uploads, never swaps (edge_update.csv keeps only its header)";

    private final AtomicBoolean closed = new AtomicBoolean();

    private final EdgeConfig config;
    private final RunLog inferenceLog;
    private final RunLog updateLog;
    private final CsvRowWriter<InferenceRow> inferenceCsv;
    private final CsvRowWriter<UpdateRow> updateCsv;
    private final DetectorSlot slot;
    private final RequestGenerator requests;
    private final InferenceLoop loop;
    private final Thread inferenceThread;
    private final Optional<Uplink> uplink;
    private final ExecutorService events;
    private final AppFailure failure;
    private final long startNanos = System.nanoTime();

    /** What a learning edge has and a static control does not: the cloud connection, its uploads and swaps. */
    private record Uplink(CloudClient client, EdgeUpdates updates, ModelSwap swap, Uploader uploader) {

        void start(EdgeConfig config, RunLog updateLog) {
            updateLog.info("edge " + config.edgeId() + ": cloud at " + config.cloudHost() + ":" + config.port()
                    + config.localAddress().map(a -> " from " + a).orElse("")
                    + ", upload threshold " + config.uploadThreshold());
            client.start(updates);
        }

        /** The workers first, so that none of them hands the closed client a batch or an acknowledgement. */
        void close() {
            uploader.close();
            swap.close();
            client.close();
        }
    }

    private EdgeApp(EdgeConfig config, RunLog inferenceLog, RunLog updateLog, CsvRowWriter<InferenceRow> inferenceCsv,
                    CsvRowWriter<UpdateRow> updateCsv, DetectorSlot slot, RequestGenerator requests, InferenceLoop loop,
                    Thread inferenceThread, Optional<Uplink> uplink, ExecutorService events, AppFailure failure) {
        this.failure = failure;
        this.config = config;
        this.inferenceLog = inferenceLog;
        this.updateLog = updateLog;
        this.inferenceCsv = inferenceCsv;
        this.updateCsv = updateCsv;
        this.slot = slot;
        this.requests = requests;
        this.loop = loop;
        this.inferenceThread = inferenceThread;
        this.uplink = uplink;
        this.events = events;
    }

    /**
     * Loads the model, opens the outputs and starts serving; the cloud is connected in the background.
     * When the model or the frame source cannot be opened, the files opened so far are closed again.
     */
    public static EdgeApp start(EdgeConfig config, DetectorLoader loader, FrameCheck judge) throws IOException {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        RunLog inferenceLog;
        RunLog updateLog;
        CsvRowWriter<InferenceRow> inferenceCsv;
        CsvRowWriter<UpdateRow> updateCsv;
        DetectorSlot.Loaded first;
        FrameSource source;
        NetSection input;
        AppFailure failure = new AppFailure();
        WriteFailureListener writes = e -> failure.report("writing " + e.file(), e.getCause());
        try {
            inferenceLog = keep(opened, RunLog.open(config.inferenceLog(), writes));
            updateLog = keep(opened, RunLog.open(config.updateLog(), writes));
            inferenceCsv = keep(opened, InferenceRow.SCHEMA.append(config.inferenceCsv(), writes));
            updateCsv = keep(opened, UpdateRow.SCHEMA.append(config.updateCsv(), writes));
            ModelFiles files = config.model().isPresent() ? config.model().get() : DefaultModel.extractToTemporaryFolder();
            EdgeModel initial = EdgeModel.read(files);
            initial.check();
            input = initial.cfg().net();
            long loadStart = System.nanoTime();
            first = new DetectorSlot.Loaded(keep(opened, loader.load(initial)), initial);
            inferenceLog.info("edge " + config.edgeId() + ": model " + files.cfg().getFileName() + " loaded and warmed in "
                    + (System.nanoTime() - loadStart) / 1_000_000 + " ms, " + first.detector().classNames().size()
                    + " classes " + first.detector().classNames());
            source = source(config, initial);
            inferenceLog.info("frames from " + source.describe() + ", " + config.requestsPerSecond()
                    + " requests/s, judge " + config.judge());
        } catch (IOException | RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }

        ExecutorService events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "acai-edge-events-" + config.edgeId());
            t.setDaemon(true);
            return t;
        });
        events.execute(() -> { }); // start its thread now, not during the first swap
        Serving serving = config.staticControl() ? staticControl(first, events, inferenceLog, updateLog)
                : learning(config, loader, first, events, updateCsv, updateLog, input);

        BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
        InferenceLoop loop = new InferenceLoop(queue, source, serving.slot(), judge, serving.onMispredicted(),
                inferenceCsv, inferenceLog);
        Thread inferenceThread = new Thread(failure.guard("the inference thread", loop),
                "acai-inference-" + config.edgeId());
        RequestGenerator requests = new RequestGenerator(queue, config.requestsPerSecond(),
                "acai-requests-" + config.edgeId());
        inferenceThread.start();
        requests.start();
        serving.uplink().ifPresent(uplink -> uplink.start(config, updateLog));
        return new EdgeApp(config, inferenceLog, updateLog, inferenceCsv, updateCsv, serving.slot(), requests, loop,
                inferenceThread, serving.uplink(), events, failure);
    }

    /** The detector slot, where mispredicted frames go, and the cloud side when there is one. */
    private record Serving(DetectorSlot slot, Consumer<LabeledFrame> onMispredicted, Optional<Uplink> uplink) {
    }

    /** A static control: the starting model for good, mispredicted frames dropped, no cloud. */
    private static Serving staticControl(DetectorSlot.Loaded first, ExecutorService events, RunLog inferenceLog,
                                         RunLog updateLog) {
        inferenceLog.info(STATIC_NOTE);
        updateLog.info(STATIC_NOTE);
        return new Serving(new DetectorSlot(first, events, model -> { }), frame -> { }, Optional.empty());
    }

    /**
     * A learning edge: the update logic sends through the client (its CloudLink); the client tells the update logic
     * (its CloudListener) what happens once started, at the end.
     */
    private static Serving learning(EdgeConfig config, DetectorLoader loader, DetectorSlot.Loaded first,
                                    ExecutorService events, CsvRowWriter<UpdateRow> updateCsv, RunLog updateLog,
                                    NetSection input) {
        ProtocolLimits limits = ProtocolLimits.DEFAULT;
        CloudClient client = new CloudClient(config.cloudHost(), config.port(), localAddress(config), config.edgeId(),
                config.token(), SOFTWARE_VERSION, new AcaiPipeline(limits, config.heartbeatInterval()),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)), updateLog);
        UpdateTracker tracker = new UpdateTracker(updateCsv);
        UpdateCompletion completion = new UpdateCompletion(tracker, client, updateLog);
        DetectorSlot slot = new DetectorSlot(first, events, model -> {
            long now = System.currentTimeMillis();
            events.execute(() -> completion.swapped(model, now));
        });
        ModelSwap swap = new ModelSwap(slot, loader, client::send, updateLog, config.token(),
                "acai-model-load-" + config.edgeId());
        EdgeUpdates updates = new EdgeUpdates(slot, tracker, swap, updateLog);
        int threshold = config.uploadThreshold();
        UploadBuffer buffer = new UploadBuffer(threshold,
                Math.max(threshold, Math.min(limits.maxImagesPerBatch(), 4 * threshold)));
        Uploader uploader = new Uploader(buffer, tracker, client, config.edgeId(), limits, updateLog,
                input.width(), input.height(), config.uploadEncoding());
        return new Serving(slot, uploader::offer, Optional.of(new Uplink(client, updates, swap, uploader)));
    }

    /** {@code --bind}'s address, resolved; null without one. */
    private static java.net.InetAddress localAddress(EdgeConfig config) {
        if (config.localAddress().isEmpty()) {
            return null;
        }
        try {
            return java.net.InetAddress.getByName(config.localAddress().get());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--bind : '" + config.localAddress().get() + "' is not an address ("
                    + e.getMessage() + ")", e);
        }
    }

    private static <T extends AutoCloseable> T keep(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    /** Closes what a failed start opened, newest first; what fails to close is added to {@code cause}. */
    private static void closeAll(Deque<AutoCloseable> opened, Exception cause) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static FrameSource source(EdgeConfig config, EdgeModel model) throws IOException {
        if (config.data().isPresent()) {
            Optional<PhotoDrift> drift = config.dataDrift().isPresent()
                    ? Optional.of(PhotoDrift.parse(config.dataDrift().get(), model.names())) : Optional.empty();
            long driftStart = Math.round(config.driftAfter().toNanos() / 1e9 * config.requestsPerSecond());
            return new DatasetFrames(Datasets.open(config.data().get(), model.names()), drift, driftStart);
        }
        DriftScenario.Builder scenario = DriftScenario.builder(config.edgeId())
                .driftAfter(config.driftAfter(), config.requestsPerSecond());
        config.seed().ifPresent(scenario::seed);
        return new ScenarioFrames(scenario.build());
    }

    /**
     * Runs until {@code --duration} has passed since the start, or forever without one; either way no longer than
     * until the cloud refused this edge's credentials for good ({@link #refusal()}) or a fault ended it
     * ({@link #failure()}).
     */
    public void awaitDuration() throws InterruptedException {
        CompletableFuture<String> refused = uplink.map(u -> u.client().refusal()).orElseGet(CompletableFuture::new);
        CompletableFuture<Object> ended = CompletableFuture.anyOf(refused, failure.reported());
        while (!ended.isDone()) {
            long left = config.duration().map(d -> d.toNanos() - (System.nanoTime() - startNanos)).orElse(Long.MAX_VALUE);
            if (left <= 0 || config.duration().isEmpty() && !inferenceThread.isAlive()) {
                return;
            }
            try {
                ended.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // time to look at the duration and the inference thread again
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    /** Why the cloud refused this edge for good (its token missing or wrong), once it did. */
    public Optional<String> refusal() {
        return uplink.flatMap(u -> Optional.ofNullable(u.client().refusal().getNow(null)));
    }

    /** The first fault the edge cannot go on after (a failed write, the inference thread's death), once one happened. */
    public AppFailure failure() {
        return failure;
    }

    /** The model version serving now. */
    public int modelVersion() {
        return slot.model().version();
    }

    public long inferences() {
        return loop.inferences();
    }

    /** Whether the cloud connection is up; a static control has none. */
    public boolean connected() {
        return uplink.isPresent() && uplink.get().client().isConnected();
    }

    /** Whether this edge is a static control ({@code --static}): no cloud, no uploads, no swaps. */
    public boolean isStaticControl() {
        return uplink.isEmpty();
    }

    public InferenceLoop inferenceLoop() {
        return loop;
    }

    /** Stops everything; a second call does nothing. */
    @Override
    public void close() throws IOException {
        if (closed.getAndSet(true)) {
            return;
        }
        requests.close();
        loop.stop();
        try {
            inferenceThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        uplink.ifPresent(Uplink::close);
        events.shutdown();
        try {
            events.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        slot.close();
        String stopped = failure.reason().map(r -> "stopped: " + r).orElse("stopped");
        try {
            inferenceLog.metric("run", String.format(Locale.ROOT,
                    "requests=%d inferences=%d max_wait_ms=%.3f p50_wait_ms=%.3f p95_wait_ms=%.3f p99_wait_ms=%.3f"
                            + " max_swap_ms=%.3f model_version=%d",
                    requests.enqueued(), loop.inferences(), loop.maxWaitNanos() / 1e6,
                    loop.waits().quantile(0.5).toNanos() / 1e6, loop.waits().quantile(0.95).toNanos() / 1e6,
                    loop.waits().quantile(0.99).toNanos() / 1e6, loop.maxSwapNanos() / 1e6, slot.model().version()));
            inferenceLog.info(stopped);
        } catch (RunFileWriteException e) {
            // this log is what failed; the command says why on stderr
        }
        try {
            updateLog.info(stopped);
        } catch (RunFileWriteException e) {
            // likewise
        }
        FileClosing closing = new FileClosing(failure);
        closing.close(inferenceCsv);
        closing.close(updateCsv);
        closing.close(inferenceLog);
        closing.close(updateLog);
        closing.rethrow();
    }
}
