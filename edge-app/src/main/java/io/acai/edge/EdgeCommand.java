package io.acai.edge;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.edge.model.OpenCvDetectorLoader;
import io.acai.edge.upload.UploadEncoding;
import io.acai.model.ModelLocation;
import io.acai.options.AppExitCode;
import io.acai.options.DurationOption;
import io.acai.options.HeartbeatOption;
import io.acai.options.MachineName;
import io.acai.options.ModelOption;
import io.acai.options.RunDurationOption;
import io.acai.options.TokenOption;
import io.acai.records.RunFileWriteException;
import io.acai.records.csv.CsvHeaderException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The edge's command line: the original's eight positional arguments, then options. The eighth, the edge id, may be
 * left out, as the original's two-pod edge had none: it then comes from {@link DefaultEdgeId}.
 */
@Command(name = "edge-app.jar", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Emulated edge camera: YOLO inference on frames, uploads of mispredicted ones to the cloud, "
                + "hot swap of retrained models.",
        footer = "%nAlso: edge-app.jar detect ... (one-shot detection on images; edge-app.jar detect --help);"
                + "%nedge-app.jar host FILE (several edges in one JVM; edge-app.jar host --help).")
public final class EdgeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeCommand.class);

    /**
     * Exit code of an edge the cloud refused {@link io.acai.edge.link.CloudClient#MAX_REFUSALS} times in a row for
     * a missing or wrong token. The others: 0 the run ended, 1 it failed, 2 a usage error, 4 the launcher ended,
     * 5 a write failed or a worker thread died ({@link AppExitCode}).
     */
    public static final int EXIT_REFUSED = AppExitCode.REFUSED.code();
    /** Exit code of an edge whose write of a log or CSV failed, or whose inference thread died. */
    public static final int EXIT_WORKER_FAILED = AppExitCode.WORKER_FAILED.code();

    @Parameters(index = "0", paramLabel = "<cloud host|local>", description = "the cloud's host; 'local': the cloud "
            + "runs on this host and the four output files go under logs/<edge id>/")
    String cloudHost;

    @Parameters(index = "1", paramLabel = "<port>", description = "the cloud's TCP port")
    int port;

    @Parameters(index = "2", paramLabel = "<inference log>")
    Path inferenceLog;

    @Parameters(index = "3", paramLabel = "<update log>")
    Path updateLog;

    @Parameters(index = "4", paramLabel = "<inference csv>", description = "edge_inf.csv, a row per 10 inferences")
    Path inferenceCsv;

    @Parameters(index = "5", paramLabel = "<update csv>", description = "edge_update.csv, a row per model update")
    Path updateCsv;

    @Parameters(index = "6", paramLabel = "<requests per second>")
    double rate;

    @Parameters(index = "7", arity = "0..1", paramLabel = "<edge id>", description = "the name the edge gives the "
            + "cloud (default: $ACAI_MACHINE, else the host name without a Kubernetes Deployment pod's suffix)")
    String edgeId;

    @Option(names = "--data", paramLabel = "DIR", description = "a YOLO or Pascal VOC dataset to take frames from "
            + "(default: the synthetic drift scenario seeded by the edge id)")
    Path data;

    @Option(names = "--data-drift", paramLabel = "DRIFT", description = "with --data, the drift on its photos from "
            + "--drift-after on: night, noise or blur (the scenes' camera effects on the photos), or classes:NAME,... "
            + "(before the drift the photos without those classes, after it only those with one)")
    String dataDrift;

    @Option(names = "--judge", defaultValue = EdgeConfig.DEFAULT_JUDGE,
            description = "classes (the original's rule) or iou (default: ${DEFAULT-VALUE})")
    String judge;

    @Option(names = "--upload-threshold", defaultValue = "" + EdgeConfig.DEFAULT_UPLOAD_THRESHOLD,
            description = "mispredicted frames that start an upload (default: ${DEFAULT-VALUE})")
    int uploadThreshold;

    @Option(names = "--upload-quality", defaultValue = EdgeConfig.DEFAULT_UPLOAD_QUALITY,
            description = "JPEG quality of the uploaded frames, or lossless for PNG files with the frame's pixels "
                    + "exactly; frames go up letterboxed to the model's input size (default: ${DEFAULT-VALUE}; "
                    + "docs/benchmarks.md measures what each costs the retraining)")
    String uploadQuality;

    @Mixin
    ModelOption model;

    @Option(names = "--conf", defaultValue = "" + EdgeConfig.DEFAULT_CONFIDENCE,
            description = "confidence threshold (default: ${DEFAULT-VALUE})")
    float confidence;

    @Option(names = "--nms", defaultValue = "" + EdgeConfig.DEFAULT_NMS,
            description = "non-maximum suppression IoU (default: ${DEFAULT-VALUE})")
    float nms;

    @Option(names = "--threads", defaultValue = "" + EdgeConfig.DEFAULT_THREADS,
            description = "OpenCV threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Mixin
    RunDurationOption duration;

    @Mixin
    TokenOption token;

    @Option(names = "--seed", description = "the drift scenario's seed (default: derived from the edge id)")
    Long seed;

    @Option(names = "--drift-after", defaultValue = EdgeConfig.DEFAULT_DRIFT_AFTER_SECONDS + "s",
            converter = DurationOption.class,
            description = "when the drift starts, in the scenario or with --data-drift (default: ${DEFAULT-VALUE})")
    Duration driftAfter;

    @Mixin
    HeartbeatOption heartbeat;

    @Option(names = "--static", description = "a static control: serves the starting model on its frames and never "
            + "connects to the cloud, uploads or swaps (<cloud host> and <port> are not used)")
    boolean staticControl;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "connect to the cloud from this local address "
            + "(default: the one the kernel picks); the edges of one edge host each bind their own, so that the "
            + "network tells them apart")
    String bind;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "the folder relative paths (the four output files, "
            + "--data, --model) are taken from (default: the current folder); an edge host gives each "
            + "member its own")
    Path workDir;

    @Spec
    CommandSpec spec;

    /** Where the seven-argument form looks up {@code ACAI_MACHINE} (tests give their own). */
    Map<String, String> environment = System.getenv();
    /** The host name the seven-argument form falls back on; null: this host's ({@code $HOSTNAME}, else the resolver's). */
    String hostName;

    @Override
    public Integer call() throws Exception {
        EdgeLaunch launch = launch();
        Optional<String> refusal;
        Optional<String> fault;
        try (EdgeApp app = launch.start()) {
            Thread hook = new Thread(() -> close(app), "acai-edge-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            app.awaitDuration();
            refusal = app.refusal();
            fault = app.failure().reason();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down already; the hook closes the app
            }
        } catch (CsvHeaderException | RunFileWriteException e) {
            return startOrCloseFailed("edge-app: ", e);
        }
        return ended("edge-app: ", fault, refusal);
    }

    /** What this command line starts, checked: a bad value is a usage error (exit code 2), as a missing argument. */
    EdgeLaunch launch() {
        try {
            EdgeConfig config = config();
            FrameJudge frameJudge = FrameJudge.named(judge);
            DetectorSettings settings = new DetectorSettings(confidence, nms, threads);
            return new EdgeLaunch(config, new OpenCvDetectorLoader(settings), frameJudge::correct);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The exit code of an edge whose start or close failed on a file, said on stderr after {@code prefix}:
     * {@link AppExitCode#FAILED} for a file of another format where it would append its rows, else
     * {@link #EXIT_WORKER_FAILED} for a failed write.
     */
    static int startOrCloseFailed(String prefix, Exception e) {
        if (e instanceof CsvHeaderException) {
            System.err.println(prefix + e.getMessage() + " (exit code " + AppExitCode.FAILED.code() + ")");
            return AppExitCode.FAILED.code();
        }
        System.err.println(prefix + e.getMessage() + "; stopping (exit code " + EXIT_WORKER_FAILED + ": "
                + AppExitCode.WORKER_FAILED.meaning() + ")");
        return EXIT_WORKER_FAILED;
    }

    /**
     * The exit code of an edge that ran: 0, or {@link #EXIT_WORKER_FAILED} after a fault, or {@link #EXIT_REFUSED}
     * after the cloud refused it; either is said on stderr after {@code prefix}, the last line of the console output
     * (what the launcher shows for a machine that ended).
     */
    static int ended(String prefix, Optional<String> fault, Optional<String> refusal) {
        if (fault.isPresent()) {
            System.err.println(prefix + fault.get() + "; stopped (exit code " + EXIT_WORKER_FAILED + ": "
                    + AppExitCode.WORKER_FAILED.meaning() + ")");
            return EXIT_WORKER_FAILED;
        }
        if (refusal.isPresent()) {
            System.err.println(prefix + refusal.get() + " (exit code " + EXIT_REFUSED + ")");
            return EXIT_REFUSED;
        }
        return 0;
    }

    /** The edge id of the seven-argument form, said in the log. */
    private String defaultEdgeId() {
        String host = hostName != null ? hostName : environment.get("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = null;
            }
        }
        String hostName = host;
        String id = DefaultEdgeId.of(environment, hostName).orElseThrow(() -> new IllegalArgumentException(
                "<edge id> : not given, and neither $" + DefaultEdgeId.MACHINE_VARIABLE + " nor the host name '" + hostName
                        + "' is a machine name (expected: an eighth argument, the edge id: " + MachineName.EXPECTED + ")"));
        LOG.info("edge id {} (no <edge id> argument: from ${} or the host name {})", id, DefaultEdgeId.MACHINE_VARIABLE,
                hostName);
        return id;
    }

    private static void close(EdgeApp app) {
        try {
            app.close();
        } catch (Exception e) {
            LOG.error("closing failed", e);
        }
    }

    EdgeConfig config() throws java.io.IOException {
        String edgeId = this.edgeId != null ? this.edgeId : defaultEdgeId();
        return EdgeConfig.builder()
                .setCloudHost("local".equals(cloudHost) ? "127.0.0.1" : cloudHost)
                .setPort(port)
                .setInferenceLog(inWorkDir(EdgeConfig.output(cloudHost, edgeId, inferenceLog)))
                .setUpdateLog(inWorkDir(EdgeConfig.output(cloudHost, edgeId, updateLog)))
                .setInferenceCsv(inWorkDir(EdgeConfig.output(cloudHost, edgeId, inferenceCsv)))
                .setUpdateCsv(inWorkDir(EdgeConfig.output(cloudHost, edgeId, updateCsv)))
                .setRequestsPerSecond(rate)
                .setEdgeId(edgeId)
                .optData(data == null ? null : inWorkDir(data))
                .optDataDrift(dataDrift)
                .optJudge(judge)
                .optUploadThreshold(uploadThreshold)
                .optUploadEncoding(UploadEncoding.parse(uploadQuality))
                .optModel(model.location().isPresent() ? model(model.location().get()) : null)
                .optConfidence(confidence)
                .optNms(nms)
                .optThreads(threads)
                .optDuration(duration.duration().orElse(null))
                .optToken(token.token())
                .optSeed(seed)
                .optDriftAfter(driftAfter)
                .optHeartbeatInterval(heartbeat.interval())
                .optStaticControl(staticControl)
                .optLocalAddress(bind == null ? null : bindable(bind))
                .build();
    }

    /** {@code path} taken from {@code --work-dir} when it is relative and one is given. */
    private Path inWorkDir(Path path) {
        return workDir == null ? path : workDir.resolve(path);
    }

    /** The model of {@code --model}, its relative paths taken from {@code --work-dir}. */
    private io.acai.detection.ModelFiles model(String location) throws java.io.IOException {
        return ModelLocation.parse(location, workDir);
    }

    /**
     * {@code --bind}'s address once a socket could be bound to it here: a typing error or an address of another host
     * would otherwise only show as connection failures retried for ever.
     */
    static String bindable(String address) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(address), 0));
            return address;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--bind : '" + address + "' cannot be bound on this host ("
                    + e.getMessage() + "; expected: an address of this host)", e);
        }
    }
}
