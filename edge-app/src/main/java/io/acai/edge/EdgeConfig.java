package io.acai.edge;

import io.acai.detection.ModelFiles;
import io.acai.edge.upload.UploadEncoding;
import io.acai.options.HeartbeatOption;
import io.acai.options.MachineName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an edge run needs, as the command line gave it. Built with {@link #builder()}: the
 * cloud's address, the four output files, the request rate and the edge id are required, every
 * other value has the default {@code edge-app.jar} documents (the {@code DEFAULT_...} constants,
 * which the command line's defaults are made of).
 *
 * <pre>{@code
 * EdgeConfig config = EdgeConfig.builder()
 *         .setCloudHost("127.0.0.1").setPort(9000)
 *         .setInferenceLog(dir.resolve("inference.log")).setUpdateLog(dir.resolve("update.log"))
 *         .setInferenceCsv(dir.resolve("edge_inf.csv")).setUpdateCsv(dir.resolve("edge_update.csv"))
 *         .setRequestsPerSecond(4).setEdgeId("edge-1")
 *         .optConfidence(0.4f).optDuration(Duration.ofMinutes(2))
 *         .build();
 * }</pre>
 *
 * @param cloudHost         host of the cloud ({@code local} already resolved to the loopback address)
 * @param port              the cloud's port
 * @param inferenceLog      the inference log file
 * @param updateLog         the update log file
 * @param inferenceCsv      {@code edge_inf.csv}
 * @param updateCsv         {@code edge_update.csv}
 * @param requestsPerSecond the emulated user's rate
 * @param edgeId            the edge's name
 * @param data              a YOLO/VOC dataset to take frames from, or empty for the drift scenario
 * @param dataDrift         the drift on the dataset's photos from {@code driftAfter} on ({@code --data-drift}:
 *                          night, noise, blur or classes:NAME,...; checked against the model's classes when the
 *                          edge starts), or empty for none
 * @param judge             {@code classes} or {@code iou}
 * @param uploadThreshold   mispredicted frames that start an upload
 * @param uploadEncoding    how the uploaded frames are encoded: JPEG at a quality, or lossless (PNG)
 * @param model             the model to start with, or empty for the default model
 * @param confidence        detection confidence threshold
 * @param nms               non-maximum suppression IoU
 * @param threads           OpenCV threads
 * @param duration          stop after this long, or empty to run until stopped
 * @param token             the secret the cloud asks for
 * @param seed              the scenario's seed, or empty to seed it from the edge id
 * @param driftAfter        when the drift starts, in the synthetic scenario or on the dataset's photos
 * @param heartbeatInterval write silence after which a heartbeat goes out
 * @param staticControl     a static control: never connects to the cloud, never uploads, never swaps its model (the
 *                          cloud's host and port are then not used, and port 0 is allowed)
 * @param localAddress      the local address the connection to the cloud is made from ({@code --bind}), or empty for
 *                          the one the kernel picks: several edges of one edge host each bind their own, so that the
 *                          network tells them apart
 */
public record EdgeConfig(String cloudHost, int port, Path inferenceLog, Path updateLog, Path inferenceCsv,
                         Path updateCsv, double requestsPerSecond, String edgeId, Optional<Path> data,
                         Optional<String> dataDrift, String judge,
                         int uploadThreshold, UploadEncoding uploadEncoding, Optional<ModelFiles> model, float confidence,
                         float nms, int threads,
                         Optional<Duration> duration, String token, Optional<Long> seed, Duration driftAfter,
                         Duration heartbeatInterval, boolean staticControl, Optional<String> localAddress) {

    /** {@code --judge}: the original's rule, the classes found must be the classes present. */
    public static final String DEFAULT_JUDGE = "classes";
    /** {@code --upload-threshold}. */
    public static final int DEFAULT_UPLOAD_THRESHOLD = 50;
    /** {@code --upload-quality}: {@link UploadEncoding#DEFAULT}. */
    public static final String DEFAULT_UPLOAD_QUALITY = "0.9";
    /** {@code --conf}. */
    public static final float DEFAULT_CONFIDENCE = 0.8f;
    /** {@code --nms}. */
    public static final float DEFAULT_NMS = 0.3f;
    /** {@code --threads}. */
    public static final int DEFAULT_THREADS = 2;
    /** {@code --drift-after}, in seconds. */
    public static final int DEFAULT_DRIFT_AFTER_SECONDS = 20;

    public EdgeConfig {
        if (port < (staticControl ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException("<port> : " + port + " (expected: " + (staticControl ? 0 : 1)
                    + "..65535)");
        }
        if (edgeId != null && !MachineName.isValid(edgeId)) {
            // the cloud refuses such an id in Hello; say so before anything starts
            throw new IllegalArgumentException("<edge id> : '" + edgeId + "' (expected: " + MachineName.EXPECTED + ")");
        }
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("<requests per second> : " + requestsPerSecond + " (expected: > 0)");
        }
        if (uploadThreshold < 1) {
            throw new IllegalArgumentException("--upload-threshold : " + uploadThreshold + " (expected: >= 1)");
        }
        Objects.requireNonNull(uploadEncoding, "uploadEncoding");
        if (dataDrift.isPresent() && data.isEmpty()) {
            throw new IllegalArgumentException("--data-drift : " + dataDrift.get() + " applies to the photos of --data "
                    + "(expected: --data DIR with it, or leave it out for the synthetic scenario's own drift)");
        }
        if (localAddress.isPresent() && localAddress.get().isBlank()) {
            throw new IllegalArgumentException("--bind : '" + localAddress.get() + "' (expected: an address of this host)");
        }
        if (driftAfter.isNegative()) {
            throw new IllegalArgumentException("--drift-after : " + driftAfter + " (expected: >= 0)");
        }
    }

    /** A builder with every optional value at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The output paths as the original placed them: with {@code local} as cloud host, each file goes
     * under {@code logs/<edge id>/} (its file name kept), else where given.
     */
    public static Path output(String cloudHostArgument, String edgeId, Path given) {
        return "local".equals(cloudHostArgument) ? Path.of("logs", edgeId).resolve(given.getFileName()) : given;
    }

    /** Builds an {@link EdgeConfig}: {@code setX} for required values, {@code optX} for optional ones. */
    public static final class Builder {

        private String cloudHost;
        private Integer port;
        private Path inferenceLog;
        private Path updateLog;
        private Path inferenceCsv;
        private Path updateCsv;
        private Double requestsPerSecond;
        private String edgeId;
        private Path data;
        private String dataDrift;
        private UploadEncoding uploadEncoding = UploadEncoding.DEFAULT;
        private String judge = DEFAULT_JUDGE;
        private int uploadThreshold = DEFAULT_UPLOAD_THRESHOLD;
        private ModelFiles model;
        private float confidence = DEFAULT_CONFIDENCE;
        private float nms = DEFAULT_NMS;
        private int threads = DEFAULT_THREADS;
        private Duration duration;
        private String token = "";
        private Long seed;
        private Duration driftAfter = Duration.ofSeconds(DEFAULT_DRIFT_AFTER_SECONDS);
        private Duration heartbeatInterval = HeartbeatOption.DEFAULT_INTERVAL;
        private boolean staticControl;
        private String localAddress;

        private Builder() {
        }

        /** The cloud's host ({@code local} already resolved to the loopback address). */
        public Builder setCloudHost(String cloudHost) {
            this.cloudHost = cloudHost;
            return this;
        }

        public Builder setPort(int port) {
            this.port = port;
            return this;
        }

        public Builder setInferenceLog(Path inferenceLog) {
            this.inferenceLog = inferenceLog;
            return this;
        }

        public Builder setUpdateLog(Path updateLog) {
            this.updateLog = updateLog;
            return this;
        }

        /** {@code edge_inf.csv}. */
        public Builder setInferenceCsv(Path inferenceCsv) {
            this.inferenceCsv = inferenceCsv;
            return this;
        }

        /** {@code edge_update.csv}. */
        public Builder setUpdateCsv(Path updateCsv) {
            this.updateCsv = updateCsv;
            return this;
        }

        public Builder setRequestsPerSecond(double requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        public Builder setEdgeId(String edgeId) {
            this.edgeId = edgeId;
            return this;
        }

        /** A YOLO/VOC dataset to take frames from; {@code null}: the synthetic drift scenario. */
        public Builder optData(Path data) {
            this.data = data;
            return this;
        }

        /** The drift on the dataset's photos ({@code night}, {@code noise}, {@code blur}, {@code classes:...}); {@code null}: none. */
        public Builder optDataDrift(String dataDrift) {
            this.dataDrift = dataDrift;
            return this;
        }

        /** {@code classes} or {@code iou}. */
        public Builder optJudge(String judge) {
            this.judge = Objects.requireNonNull(judge, "judge");
            return this;
        }

        public Builder optUploadThreshold(int uploadThreshold) {
            this.uploadThreshold = uploadThreshold;
            return this;
        }

        /** How the uploaded frames are encoded (default JPEG at 0.9). */
        public Builder optUploadEncoding(UploadEncoding uploadEncoding) {
            this.uploadEncoding = uploadEncoding;
            return this;
        }

        /** The model to start with; {@code null}: the default model. */
        public Builder optModel(ModelFiles model) {
            this.model = model;
            return this;
        }

        public Builder optConfidence(float confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder optNms(float nms) {
            this.nms = nms;
            return this;
        }

        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Stop after this long; {@code null}: run until stopped. */
        public Builder optDuration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder optToken(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /** The scenario's seed; {@code null}: derived from the edge id. */
        public Builder optSeed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optDriftAfter(Duration driftAfter) {
            this.driftAfter = Objects.requireNonNull(driftAfter, "driftAfter");
            return this;
        }

        public Builder optHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
            return this;
        }

        /** A static control: serves its starting model, never connects to the cloud, uploads or swaps (default false). */
        public Builder optStaticControl(boolean staticControl) {
            this.staticControl = staticControl;
            return this;
        }

        /** The local address the connection to the cloud is made from; {@code null}: the one the kernel picks. */
        public Builder optLocalAddress(String localAddress) {
            this.localAddress = localAddress;
            return this;
        }

        /**
         * The config.
         *
         * @throws IllegalStateException naming the first required value that was not set
         * @throws IllegalArgumentException naming a value out of its range
         */
        public EdgeConfig build() {
            return new EdgeConfig(required(cloudHost, "cloudHost"), required(port, "port"),
                    required(inferenceLog, "inferenceLog"), required(updateLog, "updateLog"),
                    required(inferenceCsv, "inferenceCsv"), required(updateCsv, "updateCsv"),
                    required(requestsPerSecond, "requestsPerSecond"), required(edgeId, "edgeId"),
                    Optional.ofNullable(data), Optional.ofNullable(dataDrift), judge, uploadThreshold, uploadEncoding,
                    Optional.ofNullable(model), confidence, nms,
                    threads, Optional.ofNullable(duration), token, Optional.ofNullable(seed), driftAfter,
                    heartbeatInterval, staticControl, Optional.ofNullable(localAddress));
        }

        private static <T> T required(T value, String name) {
            if (value == null) {
                throw new IllegalStateException("EdgeConfig: " + name + " is not set (call set"
                        + Character.toUpperCase(name.charAt(0)) + name.substring(1) + ")");
            }
            return value;
        }
    }
}
