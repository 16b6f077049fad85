package io.acai.cloud.pretrain;

import io.acai.cloud.train.TorchThreads;
import io.acai.cloud.train.TrainCommand;
import io.acai.detection.LabeledFrame;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.model.DefaultModel;
import io.acai.scenes.ColourJitter;
import io.acai.scenes.SceneClasses;
import io.acai.scenes.SceneStyle;
import io.acai.training.ConvolutionBlock;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pretrain}: builds the default model. Trains {@code acai-shapes.cfg} from seeded initial
 * weights ({@link DarknetWeights#initial}), or from {@code --init} weights to continue an earlier run, on
 * {@code --images} synthetic daylight scenes ({@link PretrainScenes}: {@link SceneStyle#PRE_DRIFT}, a share
 * {@code --balanced} of them with the five classes equally often), for {@code --epochs} passes at the rates of
 * {@link PretrainSchedule} ({@code --schedule step}: pass k at {@code lr * lrDecay^(k-1)}; {@code cosine}:
 * warm-up, then a half cosine). Each pass is its own {@link DetectorTrainer} run (shuffled with
 * {@code seed + k}, a fresh Adam state) and ends by writing {@code DIR/acai-shapes.weights}, so a stopped run
 * leaves a usable model; with {@code step} nothing in a pass depends on how many follow (the file after pass k
 * is what {@code --epochs k} trains), with {@code cosine} the rates do. Scenes are rendered when the trainer
 * first asks for them and kept for the later epochs. Everything depends on the seed and the arguments (PyTorch's
 * CPU sums may still differ in order from run to run); see docs/default-model.md for the commands that built
 * the shipped weights.
 */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Train the default model (acai-shapes) on seeded pre-drift synthetic scenes.")
public final class PretrainCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for acai-shapes.weights (default: ${DEFAULT-VALUE}).")
    Path out = Path.of(".");

    @Option(names = "--images", paramLabel = "N", description = "Training scenes (default: ${DEFAULT-VALUE}).")
    int images = 3000;

    @Option(names = "--epochs", paramLabel = "E", description = "Passes over the scenes (default: ${DEFAULT-VALUE}).")
    int epochs = 4;

    @Option(names = "--seed", paramLabel = "S", description = "Scene stream and initial weights (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--batch", paramLabel = "B", description = "Scenes per step (default: ${DEFAULT-VALUE}).")
    int batch = 8;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate = 1e-3f;

    @Option(names = "--lr-decay", paramLabel = "D", description = "Pass k trains at lr * D^(k-1) (default: ${DEFAULT-VALUE}).")
    double learningRateDecay = 0.5;

    @Option(names = "--schedule", paramLabel = "step|cosine", description = "Learning rate per pass: step (pass k at"
            + " lr * D^(k-1)) or cosine (warm-up, then a half cosine from lr to 2 %% of it; default: ${DEFAULT-VALUE}).")
    String schedule = "step";

    @Option(names = "--warmup", paramLabel = "W", description = "With --schedule cosine, passes that rise linearly to"
            + " --lr (default: ${DEFAULT-VALUE}).")
    int warmup = 0;

    @Option(names = "--balanced", paramLabel = "F", description = "Share of the scenes drawn with the five classes equally"
            + " often (pre-drift light, noise and sizes; default: ${DEFAULT-VALUE}).")
    double balanced = 0;

    @Option(names = "--augment", paramLabel = "H,S,E", split = ",", description = "Darknet's colour augmentation: hue shift up to"
            + " H, saturation and exposure scaled by up to S and E or their inverses, drawn anew for each scene in each"
            + " pass (yolov3-tiny.cfg's: 0.1,1.5,1.5; default: none).")
    double[] augment;

    @Option(names = "--drift", paramLabel = "F", description = "Share of the scenes drawn from the drift style (night,"
            + " noise, many stars). The shipped model sees none; this measures what the network can hold of both"
            + " styles (default: ${DEFAULT-VALUE}).")
    double drift = 0;

    @Option(names = "--init", paramLabel = "WEIGHTS", description = "Start from these acai-shapes weights instead of"
            + " the seeded initial ones (to continue an earlier run).")
    Path init;

    @Option(names = "--cfg", paramLabel = "CFG", description = "Train this cfg instead of the shipped acai-shapes.cfg:"
            + " the same layers at another input size or with other anchors, so that --init weights fit it; the report"
            + " runs it too (default: the shipped one).")
    Path otherCfg;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where to train (default: ${DEFAULT-VALUE}).")
    String device = "auto";

    @Option(names = "--eval", paramLabel = "N", description = "Held-out scenes per style for the mAP report after"
            + " training, 0 for none (default: ${DEFAULT-VALUE}).")
    int evalScenes = 300;

    @Option(names = "--eval-frames", paramLabel = "N", description = "Held-out scenes per style for the frame accuracy"
            + " report (the classes judge by confidence threshold), 0 for none (default: ${DEFAULT-VALUE}).")
    int frameScenes = 200;

    @Option(names = "--evaluate", paramLabel = "WEIGHTS", description = "Skip training: only report the mAP of these"
            + " acai-shapes weights on the held-out scenes of --seed.")
    Path evaluateOnly;

    @Option(names = "--threads", paramLabel = "T",
            description = "PyTorch CPU threads, 0 for its default (default: ${DEFAULT-VALUE}).")
    int threads = 0;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code pretrain} with the given arguments (without the word {@code pretrain}); returns the exit code. */
    public static int run(String[] args) {
        return TrainCommand.commandLine(new PretrainCommand()).execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (images < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--images: " + images + " (expected: >= 1)");
        }
        if (!(balanced >= 0 && balanced <= 1)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--balanced: " + balanced
                    + " (expected: 0..1)");
        }
        TrainingDevice where;
        PretrainSchedule rates;
        ColourJitter jitter;
        try {
            jitter = augment == null ? null : ColourJitter.of(augment);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--augment: " + e.getMessage(), e);
        }
        if (!(drift >= 0 && drift <= 1)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--drift: " + drift + " (expected: 0..1)");
        }
        try {
            rates = new PretrainSchedule(schedule, learningRate, learningRateDecay, warmup, epochs);
            where = TrainingSettings.builder().setEpochs(epochs).setBatchSize(batch).optLearningRate(learningRate)
                    .optDevice(TrainingDevice.parse(device)).optSeed(seed).build().device();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage(), e);
        }
        TorchThreads.limit(threads);
        DarknetConfig cfg = otherCfg == null ? DefaultModel.cfg() : DarknetConfig.read(otherCfg);
        if (evaluateOnly != null) {
            report(Files.readAllBytes(evaluateOnly), Math.max(1, evalScenes));
            return 0;
        }
        byte[] weights = init == null ? DarknetWeights.initial(cfg, seed).encode()
                : DarknetWeights.read(init, cfg).encode();
        List<LabeledFrame> scenes = PretrainScenes.of(seed, images, balanced, drift);
        System.out.printf(Locale.ROOT, "pretrain: %s from %s, %d pre-drift scenes (%s class-balanced%s%s),"
                + " %d epochs, batch %d, %s%n", cfg.source().getFileName(),
                init == null ? "initial weights (seed " + seed + ")" : init, images, balanced,
                drift > 0 ? ", " + drift + " drift" : "", jitter != null ? ", colour jitter " + jitter : "",
                epochs, batch, rates);
        long start = System.nanoTime();
        Path file = out.resolve(DefaultModel.NAME + ".weights");
        float lossFirst = Float.NaN;
        float lossLast = Float.NaN;
        String ranOn = "";
        for (int epoch = 1; epoch <= epochs; epoch++) {
            float rate = (float) rates.rate(epoch);
            TrainingSettings settings = TrainingSettings.builder().setEpochs(1).setBatchSize(batch)
                    .optLearningRate(rate).optDevice(where).optSeed(seed + epoch)
                    // thousands of steps from scratch, as darknet
                    .optBatchNormMomentum(ConvolutionBlock.DARKNET_BATCH_NORM_MOMENTUM)
                    .build();
            List<LabeledFrame> seen = jitter == null ? scenes : PretrainScenes.jittered(scenes, jitter, seed, epoch);
            TrainingResult result = new DetectorTrainer(cfg, SceneClasses.NAMES, settings).train(weights, seen);
            weights = result.weights();
            lossFirst = epoch == 1 ? result.lossFirst() : lossFirst;
            lossLast = result.lossLast();
            ranOn = result.device();
            DarknetWeights.decode(weights, cfg, "trained weights").write(file); // after every epoch: a usable checkpoint
            System.out.printf(Locale.ROOT, "epoch %d/%d loss %.4f lr %s (%.0f s)%n", epoch, epochs, lossLast, rate,
                    (System.nanoTime() - start) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "pretrain: wrote %s (%d bytes) on %s in %.0f s: loss %.4f -> %.4f, %.2f images/s%n",
                file, Files.size(file), ranOn, seconds, lossFirst, lossLast, (double) images * epochs / seconds);
        if (evalScenes > 0) {
            report(Files.readAllBytes(file), evalScenes);
        }
        return 0;
    }

    /** Prints the mAP@0.5 of the weights on held-out pre-drift and drift scenes, through OpenCV as an edge runs them. */
    private void report(byte[] weights, int n) throws IOException {
        byte[] cfgBytes = otherCfg == null ? DefaultModel.cfgBytes() : Files.readAllBytes(otherCfg);
        long heldOut = seed + SceneEvaluation.HELD_OUT_SEED_OFFSET;
        DetectorSettings settings = new DetectorSettings(0.005f, 0.45f, 1);
        try (OpenCvDetector detector = OpenCvDetector.load(DefaultModel.NAME, cfgBytes, weights, SceneClasses.NAMES,
                settings)) {
            System.out.println(SceneEvaluation.describe("pre-drift", heldOut,
                    SceneEvaluation.evaluate(detector, heldOut, SceneStyle.PRE_DRIFT, n)));
            System.out.println(SceneEvaluation.describe("drift", heldOut,
                    SceneEvaluation.evaluate(detector, heldOut, SceneStyle.DRIFT, n)));
            if (frameScenes > 0) {
                long frames = seed + SceneEvaluation.FRAME_SEED_OFFSET;
                for (SceneStyle style : List.of(SceneStyle.PRE_DRIFT, SceneStyle.DRIFT)) {
                    System.out.println(FrameAccuracy.describe(style == SceneStyle.DRIFT ? "drift" : "pre-drift", frames,
                            FrameAccuracy.measure(detector, frames, style, frameScenes), frameScenes));
                }
            }
        }
    }
}
