package io.acai.cloud;

import io.acai.cloud.holdout.HoldoutSettings;
import io.acai.cloud.retrain.AnchorSettings;
import io.acai.cloud.retrain.PushPolicy;
import io.acai.cloud.server.ServerLimits;
import io.acai.records.run.HoldoutRow;
import io.acai.detection.ModelFiles;
import io.acai.options.HeartbeatOption;
import io.acai.scenes.SceneClasses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a cloud run needs, as the command line gave it. Built with {@link #builder()}: the port,
 * the log and csv files, the model and the store folder are required, every other value has the
 * default {@code cloud-app.jar} documents (the {@code DEFAULT_...} constants, which the command
 * line's defaults are made of).
 *
 * <pre>{@code
 * CloudConfig config = CloudConfig.builder()
 *         .setPort(9000).setLogFile(dir.resolve("cloud.log")).setCsvFile(dir.resolve("cloud.csv"))
 *         .setModel(model).setStoreDir(dir.resolve("models"))
 *         .optMinRetrainImages(40).optReplay(60)
 *         .optHoldoutFrames(60).optHoldoutConfidence(0.4f)
 *         .build();
 * }</pre>
 *
 * @param port              TCP port to listen on, {@code 0} for any free one
 * @param logFile           the human-readable log
 * @param csvFile           {@code cloud.csv}, one row per retrain
 * @param model             the model to start from
 * @param sceneModel        whether {@code model} detects the synthetic scenes' classes: the project's default model,
 *                          or another with its {@code .names} (its pre-drift scenes can then be the anchors)
 * @param storeDir          where model versions are saved
 * @param minRetrainImages  pending images that start a retrain; 0 = every upload
 * @param pushPolicy        who receives a new version
 * @param replay            earlier uploads kept and replayed in every retrain
 * @param token             the secret edges must present; empty admits all
 * @param heartbeatInterval write silence after which a heartbeat goes out
 * @param seed              seeds the replay sampling
 * @param holdout           how each version is scored on held-out frames ({@code holdout.csv} beside the csv file)
 * @param serverLimits      connections open at once and the Hello deadline
 * @param keepVersions      model versions the store keeps besides the first; 0 keeps all
 * @param anchors           frames of the model's training distribution replayed in every retrain
 * @param spoolDir          where uploads are written before they are acknowledged (default: {@code spool/} beside
 *                          the csv file)
 */
public record CloudConfig(int port, Path logFile, Path csvFile, ModelFiles model, boolean sceneModel, Path storeDir,
                          int minRetrainImages, PushPolicy pushPolicy, int replay, String token,
                          Duration heartbeatInterval, long seed, HoldoutSettings holdout, ServerLimits serverLimits,
                          int keepVersions, AnchorSettings anchors, Path spoolDir) {

    /** {@code --min-retrain-images}: every upload starts a retrain, as the original. */
    public static final int DEFAULT_MIN_RETRAIN_IMAGES = 0;
    /** {@code --push}: the edges whose images were used, as the original. */
    public static final String DEFAULT_PUSH = "contributors";
    /** {@code --replay}: nothing replayed, as the original. */
    public static final int DEFAULT_REPLAY = 0;
    /** {@code --keep-versions}: the first version and the newest 5 stay on disk. */
    public static final int DEFAULT_KEEP_VERSIONS = 5;
    /** {@code --seed}: training and replay seed. */
    public static final long DEFAULT_SEED = 1;

    public CloudConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("<port> : " + port + " (expected: 0..65535)");
        }
        if (minRetrainImages < 0) {
            throw new IllegalArgumentException("--min-retrain-images : " + minRetrainImages + " (expected: >= 0)");
        }
        if (replay < 0) {
            throw new IllegalArgumentException("--replay : " + replay + " (expected: >= 0)");
        }
        Objects.requireNonNull(serverLimits, "serverLimits");
        if (keepVersions < 0) {
            throw new IllegalArgumentException("--keep-versions : " + keepVersions + " (expected: >= 0; 0 keeps all)");
        }
        Objects.requireNonNull(anchors, "anchors");
        if (anchors.count() > 0 && anchors.data().isEmpty() && !sceneModel) {
            throw new IllegalArgumentException("--anchors : " + anchors.count() + " pre-drift scenes, which are for a "
                    + "model of the scenes' classes " + SceneClasses.NAMES + ", and the model " + model.cfg().getFileName()
                    + " has other classes (" + model.names().getFileName() + ") (expected: --anchor-data DIR, photos "
                    + "of the model's training distribution)");
        }
    }

    /** {@code holdout.csv}, beside the csv file. */
    public Path holdoutCsvFile() {
        return csvFile.resolveSibling(HoldoutRow.SCHEMA.fileName());
    }

    /** A builder with every optional value at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CloudConfig}: {@code setX} for required values, {@code optX} for optional ones. */
    public static final class Builder {

        private Integer port;
        private Path logFile;
        private Path csvFile;
        private ModelFiles model;
        private boolean sceneModel;
        private Path storeDir;
        private Path spoolDir;
        private int minRetrainImages = DEFAULT_MIN_RETRAIN_IMAGES;
        private PushPolicy pushPolicy = PushPolicy.parse(DEFAULT_PUSH);
        private int replay = DEFAULT_REPLAY;
        private int anchors = AnchorSettings.DEFAULT_COUNT;
        private Path anchorData;
        private int keepVersions = DEFAULT_KEEP_VERSIONS;
        private String token = "";
        private Duration heartbeatInterval = HeartbeatOption.DEFAULT_INTERVAL;
        private long seed = DEFAULT_SEED;
        private int holdoutFrames = HoldoutSettings.DEFAULT_FRAMES;
        private String holdoutJudge = HoldoutSettings.DEFAULT_JUDGE;
        private float holdoutConfidence = HoldoutSettings.DEFAULT_CONFIDENCE;
        private float holdoutNms = HoldoutSettings.DEFAULT_NMS;
        private Path holdoutData;
        private String holdoutDrift;
        private int maxConnections = ServerLimits.DEFAULT_MAX_CONNECTIONS;
        private Duration helloTimeout = ServerLimits.DEFAULT_HELLO_TIMEOUT;

        private Builder() {
        }

        /** TCP port to listen on, {@code 0} for any free one. */
        public Builder setPort(int port) {
            this.port = port;
            return this;
        }

        public Builder setLogFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** {@code cloud.csv}. */
        public Builder setCsvFile(Path csvFile) {
            this.csvFile = csvFile;
            return this;
        }

        public Builder setModel(ModelFiles model) {
            this.model = model;
            return this;
        }

        /** Where model versions are saved. */
        public Builder setStoreDir(Path storeDir) {
            this.storeDir = storeDir;
            return this;
        }

        /** Where uploads are written before they are acknowledged (default: {@code spool/} beside the csv file). */
        public Builder optSpoolDir(Path spoolDir) {
            this.spoolDir = Objects.requireNonNull(spoolDir, "spoolDir");
            return this;
        }

        /**
         * Whether the model detects the synthetic scenes' classes, as the default model does (its pre-drift scenes can
         * then be the anchors).
         */
        public Builder optSceneModel(boolean sceneModel) {
            this.sceneModel = sceneModel;
            return this;
        }

        public Builder optMinRetrainImages(int minRetrainImages) {
            this.minRetrainImages = minRetrainImages;
            return this;
        }

        public Builder optPushPolicy(PushPolicy pushPolicy) {
            this.pushPolicy = Objects.requireNonNull(pushPolicy, "pushPolicy");
            return this;
        }

        /** Model versions kept on disk besides the first ({@link #DEFAULT_KEEP_VERSIONS}); 0 keeps all. */
        public Builder optKeepVersions(int keepVersions) {
            this.keepVersions = keepVersions;
            return this;
        }

        /** Earlier uploads replayed in every retrain ({@link #DEFAULT_REPLAY}). */
        public Builder optReplay(int replay) {
            this.replay = replay;
            return this;
        }

        /** Frames of the model's training distribution replayed in every retrain ({@link AnchorSettings}). */
        public Builder optAnchors(int anchors) {
            this.anchors = anchors;
            return this;
        }

        /** The dataset folder the anchors come from; none: the default model's pre-drift scenes. */
        public Builder optAnchorData(Path anchorData) {
            this.anchorData = anchorData;
            return this;
        }

        /** The secret edges must present; empty admits all. */
        public Builder optToken(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        public Builder optHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Held-out frames of each style every version is scored on; 0 turns scoring off. */
        public Builder optHoldoutFrames(int holdoutFrames) {
            this.holdoutFrames = holdoutFrames;
            return this;
        }

        /** The edges' judge, {@code classes} or {@code iou}, for the held-out scoring. */
        public Builder optHoldoutJudge(String holdoutJudge) {
            this.holdoutJudge = Objects.requireNonNull(holdoutJudge, "holdoutJudge");
            return this;
        }

        /** The edges' confidence threshold, for the held-out scoring. */
        public Builder optHoldoutConfidence(float holdoutConfidence) {
            this.holdoutConfidence = holdoutConfidence;
            return this;
        }

        /** The edges' NMS IoU, for the held-out scoring. */
        public Builder optHoldoutNms(float holdoutNms) {
            this.holdoutNms = holdoutNms;
            return this;
        }

        /** A dataset whose held-out photos replace the synthetic scenes; {@code null}: the scenes. */
        public Builder optHoldoutData(Path holdoutData) {
            this.holdoutData = holdoutData;
            return this;
        }

        /** With {@link #optHoldoutData}, the edges' drift on the photos; {@code null}: none. */
        public Builder optHoldoutDrift(String holdoutDrift) {
            this.holdoutDrift = holdoutDrift;
            return this;
        }

        /** Connections open at once; one more is refused with a log line. */
        public Builder optMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /** Time from connecting to an accepted Hello, after which the cloud closes the connection. */
        public Builder optHelloTimeout(Duration helloTimeout) {
            this.helloTimeout = Objects.requireNonNull(helloTimeout, "helloTimeout");
            return this;
        }

        /**
         * The config.
         *
         * @throws IllegalStateException naming the first required value that was not set
         * @throws IllegalArgumentException naming a value out of its range
         */
        public CloudConfig build() {
            return new CloudConfig(required(port, "port"), required(logFile, "logFile"), required(csvFile, "csvFile"),
                    required(model, "model"), sceneModel, required(storeDir, "storeDir"), minRetrainImages,
                    pushPolicy, replay, token, heartbeatInterval, seed,
                    new HoldoutSettings(holdoutFrames, holdoutJudge, holdoutConfidence, holdoutNms,
                            Optional.ofNullable(holdoutData), Optional.ofNullable(holdoutDrift)),
                    new ServerLimits(maxConnections, helloTimeout), keepVersions,
                    new AnchorSettings(anchors, Optional.ofNullable(anchorData)),
                    spoolDir != null ? spoolDir : csvFile.toAbsolutePath().getParent().resolve("spool"));
        }

        private static <T> T required(T value, String name) {
            if (value == null) {
                throw new IllegalStateException("CloudConfig: " + name + " is not set (call set"
                        + Character.toUpperCase(name.charAt(0)) + name.substring(1) + ")");
            }
            return value;
        }
    }
}
