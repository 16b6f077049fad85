package io.acai.cloud;

import io.acai.cloud.holdout.HoldoutSettings;
import io.acai.cloud.retrain.DjlRetrainer;
import io.acai.cloud.retrain.AnchorSettings;
import io.acai.cloud.retrain.PushPolicy;
import io.acai.cloud.server.ServerLimits;
import io.acai.cloud.train.TorchThreads;
import io.acai.detection.ClassNames;
import io.acai.detection.ModelFiles;
import io.acai.model.DefaultModel;
import io.acai.model.ModelLocation;
import io.acai.options.AppExitCode;
import io.acai.options.DurationOption;
import io.acai.options.HeartbeatOption;
import io.acai.options.ModelOption;
import io.acai.options.RunDurationOption;
import io.acai.options.TokenOption;
import io.acai.records.RunFileWriteException;
import io.acai.records.csv.CsvHeaderException;
import io.acai.scenes.SceneClasses;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The cloud's command line: the original's three positional arguments, then options. */
@Command(name = "cloud-app.jar", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Receives mispredicted frames from edges, retrains the model (DJL), pushes new versions.",
        footer = "%nAlso: cloud-app.jar train ... and cloud-app.jar pretrain ... (offline training; --help on each).")
public final class CloudCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CloudCommand.class);

    @Parameters(index = "0", paramLabel = "<port>", description = "TCP port to listen on")
    int port;

    @Parameters(index = "1", paramLabel = "<log file>")
    Path logFile;

    @Parameters(index = "2", paramLabel = "<csv file>", description = "cloud.csv, a row per retrain")
    Path csvFile;

    @Mixin
    ModelOption model;

    @Option(names = "--store", paramLabel = "DIR", description = "where model versions are saved "
            + "(default: models/ beside the csv file)")
    Path store;

    @Option(names = "--spool", paramLabel = "DIR", description = "where uploads are written, and forced to disk, before "
            + "they are acknowledged; a restarted cloud retrains on what it holds (default: spool/ beside the csv file)")
    Path spool;

    @Option(names = "--keep-versions", defaultValue = "" + CloudConfig.DEFAULT_KEEP_VERSIONS, paramLabel = "N",
            description = "model versions kept on disk besides the first (the starting model); older ones are deleted"
                    + " after each retrain; 0 keeps all (default: ${DEFAULT-VALUE})")
    int keepVersions;

    @Option(names = "--min-retrain-images", defaultValue = "" + CloudConfig.DEFAULT_MIN_RETRAIN_IMAGES,
            description = "pending images that start a retrain; 0 = every upload (default: ${DEFAULT-VALUE})")
    int minRetrainImages;

    @Option(names = "--epochs", defaultValue = "5", description = "epochs per retrain (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--lr", defaultValue = "" + TrainingSettings.DEFAULT_LEARNING_RATE,
            description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--batch", defaultValue = "8", description = "images per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--freeze-backbone", description = "train only the layers from the first head on")
    boolean freezeBackbone;

    @Option(names = "--fixed-batch-norm", description = "normalise with the model's batch-norm running statistics "
            + "while retraining and never update them (fine-tuning a trained model at a low learning rate)")
    boolean fixedBatchNorm;

    @Option(names = "--threads", defaultValue = "0", description = "PyTorch CPU threads for retraining; 0 keeps "
            + "PyTorch's default (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--push", defaultValue = CloudConfig.DEFAULT_PUSH,
            description = "who gets a new version: contributors (the edges whose images were used, as the original) "
                    + "or all (default: ${DEFAULT-VALUE})")
    String push;

    @Option(names = "--replay", defaultValue = "" + CloudConfig.DEFAULT_REPLAY,
            description = "earlier uploads kept (a uniform sample of all of them) and replayed in every retrain "
                    + "(default: ${DEFAULT-VALUE}, as the original)")
    int replay;

    @Option(names = "--anchors", paramLabel = "N", defaultValue = "" + AnchorSettings.DEFAULT_COUNT,
            description = "frames of the model's own training distribution replayed in every retrain and never "
                    + "replaced, so the model does not forget what it knew: pre-drift scenes (for a model of the "
                    + "scenes' classes, as the default), or photos of --anchor-data (default: ${DEFAULT-VALUE})")
    int anchors;

    @Option(names = "--anchor-data", paramLabel = "DIR", description = "a YOLO or VOC dataset folder the anchors "
            + "are drawn from, as the photos are (the part the edges serve); needed for a model of other classes")
    Path anchorData;

    @Mixin
    TokenOption token;

    @Mixin
    RunDurationOption duration;

    @Option(names = "--seed", defaultValue = "" + CloudConfig.DEFAULT_SEED,
            description = "training and replay seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    HeartbeatOption heartbeat;

    @Option(names = "--max-connections", defaultValue = "" + ServerLimits.DEFAULT_MAX_CONNECTIONS,
            description = "connections open at once; one more is refused with a line in the log (default: ${DEFAULT-VALUE})")
    int maxConnections;

    @Option(names = "--hello-timeout", defaultValue = "10s", converter = DurationOption.class,
            description = "time from connecting to an accepted Hello, after which the connection is closed "
                    + "(default: ${DEFAULT-VALUE})")
    Duration helloTimeout;

    @Option(names = "--holdout-frames", defaultValue = "" + HoldoutSettings.DEFAULT_FRAMES,
            description = "held-out frames of each style (pre-drift, drift) every model version is scored on, "
                    + "into holdout.csv beside the csv file; 0 = off (default: ${DEFAULT-VALUE})")
    int holdoutFrames;

    @Option(names = "--holdout-judge", defaultValue = HoldoutSettings.DEFAULT_JUDGE,
            description = "the edges' judge for the held-out frames: classes or iou (default: ${DEFAULT-VALUE})")
    String holdoutJudge;

    @Option(names = "--holdout-conf", defaultValue = "" + HoldoutSettings.DEFAULT_CONFIDENCE,
            description = "the edges' confidence threshold for the held-out frames (default: ${DEFAULT-VALUE})")
    float holdoutConfidence;

    @Option(names = "--holdout-nms", defaultValue = "" + HoldoutSettings.DEFAULT_NMS,
            description = "the edges' NMS IoU for the held-out frames (default: ${DEFAULT-VALUE})")
    float holdoutNms;

    @Option(names = "--holdout-data", paramLabel = "DIR", description = "score every version on the held-out photos "
            + "of this YOLO or VOC dataset (one in five, which edges reading it never serve) instead of the synthetic "
            + "scenes")
    Path holdoutData;

    @Option(names = "--holdout-drift", paramLabel = "DRIFT", description = "with --holdout-data, the edges' "
            + "--data-drift (night, noise, blur or classes:NAME,...): the drift style's photos")
    String holdoutDrift;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CloudConfig config;
        TrainingSettings settings;
        try {
            TorchThreads.limit(threads);
            config = config();
            settings = trainingSettings();
        } catch (IllegalArgumentException | java.io.IOException e) {
            // a bad value: usage and exit code 2, like a missing argument
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Optional<String> fault;
        try (CloudApp app = CloudApp.start(config, st -> new DjlRetrainer(st.cfg(), st.names(), settings))) {
            Thread hook = new Thread(() -> {
                try {
                    app.close();
                } catch (Exception e) {
                    LOG.error("closing failed", e);
                }
                stopped.countDown();
            }, "acai-cloud-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            app.failure().reported().thenRun(stopped::countDown);
            if (duration.duration().isEmpty()) {
                stopped.await();
            } else {
                stopped.await(duration.duration().get().toMillis(), TimeUnit.MILLISECONDS);
            }
            fault = app.failure().reason();
            removeHook(hook);
        } catch (CsvHeaderException e) {
            // a file of another format where the cloud would append its rows
            System.err.println("cloud-app: " + e.getMessage() + " (exit code " + AppExitCode.FAILED.code() + ")");
            return AppExitCode.FAILED.code();
        } catch (RunFileWriteException e) {
            // a write that failed as the cloud started or closed
            System.err.println("cloud-app: " + e.getMessage() + "; stopping (exit code " + AppExitCode.WORKER_FAILED.code()
                    + ": " + AppExitCode.WORKER_FAILED.meaning() + ")");
            return AppExitCode.WORKER_FAILED.code();
        }
        if (fault.isPresent()) {
            // the last line of the console output: what the launcher shows for a machine that ended
            System.err.println("cloud-app: " + fault.get() + "; stopped (exit code " + AppExitCode.WORKER_FAILED.code()
                    + ": " + AppExitCode.WORKER_FAILED.meaning() + ")");
            return AppExitCode.WORKER_FAILED.code();
        }
        return 0;
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook closes the app
        }
    }

    TrainingSettings trainingSettings() {
        return TrainingSettings.builder()
                .setEpochs(epochs)
                .setBatchSize(batch)
                .optLearningRate(learningRate)
                .optFreezeBackbone(freezeBackbone)
                .optFixedBatchNorm(fixedBatchNorm)
                .optDevice(TrainingDevice.parse(device))
                .optSeed(seed)
                .build();
    }

    CloudConfig config() throws java.io.IOException {
        ModelFiles files = model.location().isEmpty() ? DefaultModel.extractToTemporaryFolder()
                : ModelLocation.parse(model.location().get());
        Path storeDir = store != null ? store
                : csvFile.toAbsolutePath().getParent().resolve("models");
        CloudConfig.Builder builder = CloudConfig.builder();
        if (spool != null) {
            builder.optSpoolDir(spool);
        }
        return builder
                .setPort(port)
                .setLogFile(logFile)
                .setCsvFile(csvFile)
                .setModel(files)
                .setStoreDir(storeDir)
                .optSceneModel(SceneClasses.detectedBy(ClassNames.read(files.names())))
                .optMinRetrainImages(minRetrainImages)
                .optPushPolicy(PushPolicy.parse(push))
                .optReplay(replay)
                .optAnchors(anchors)
                .optAnchorData(anchorData)
                .optKeepVersions(keepVersions)
                .optToken(token.token())
                .optHeartbeatInterval(heartbeat.interval())
                .optSeed(seed)
                .optHoldoutFrames(holdoutFrames)
                .optHoldoutJudge(holdoutJudge)
                .optHoldoutConfidence(holdoutConfidence)
                .optHoldoutNms(holdoutNms)
                .optHoldoutData(holdoutData)
                .optHoldoutDrift(holdoutDrift)
                .optMaxConnections(maxConnections)
                .optHelloTimeout(helloTimeout)
                .build();
    }
}
