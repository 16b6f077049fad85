package io.acai.cloud.pretrain;

import io.acai.cloud.train.TorchThreads;
import io.acai.cloud.train.TrainCommand;
import io.acai.detection.LabeledFrame;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.model.DefaultModel;
import io.acai.scenes.SceneClasses;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import io.acai.training.ConvolutionBlock;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReferenceArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pretrain}: builds the default model. Trains {@code acai-shapes.cfg} from seeded initial
 * weights ({@link DarknetWeights#initial}) on {@code --images} synthetic scenes of
 * {@link SceneStyle#PRE_DRIFT} drawn by {@code SceneGenerator(seed)}, for {@code --epochs} passes,
 * pass k at {@code lr * lrDecay^(k-1)}. Each pass is its own {@link DetectorTrainer} run (shuffled
 * with {@code seed + k}, a fresh Adam state) and ends by writing {@code DIR/acai-shapes.weights}:
 * nothing in a pass depends on how many follow, so the file after pass k of a long run follows the
 * schedule of {@code --epochs k}, and a stopped run leaves a usable model.
 * Scenes are rendered when the trainer first asks for them and kept for the later epochs.
 * Everything depends on the seed; see docs/default-model.md for the command that built the shipped weights.
 */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Train the default model (acai-shapes) from scratch on seeded pre-drift synthetic scenes.")
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

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where to train (default: ${DEFAULT-VALUE}).")
    String device = "auto";

    @Option(names = "--eval", paramLabel = "N", description = "Held-out scenes per style for the mAP report after"
            + " training, 0 for none (default: ${DEFAULT-VALUE}).")
    int evalScenes = 300;

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
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--lr-decay: " + learningRateDecay
                    + " (expected: > 0 and <= 1)");
        }
        if (images < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--images: " + images + " (expected: >= 1)");
        }
        TrainingDevice where;
        try {
            where = TrainingSettings.builder().setEpochs(epochs).setBatchSize(batch).optLearningRate(learningRate)
                    .optDevice(TrainingDevice.parse(device)).optSeed(seed).build().device();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage(), e);
        }
        TorchThreads.limit(threads);
        DarknetConfig cfg = DefaultModel.cfg();
        if (evaluateOnly != null) {
            report(Files.readAllBytes(evaluateOnly), Math.max(1, evalScenes));
            return 0;
        }
        byte[] weights = DarknetWeights.initial(cfg, seed).encode();
        List<LabeledFrame> scenes = scenes(new SceneGenerator(seed, SceneStyle.PRE_DRIFT), images);
        System.out.printf(Locale.ROOT, "pretrain: %s from initial weights (seed %d), %d pre-drift scenes, %d epochs,"
                + " batch %d, lr %s%n", cfg.source().getFileName(), seed, images, epochs, batch, learningRate);
        long start = System.nanoTime();
        Path file = out.resolve(DefaultModel.NAME + ".weights");
        float lossFirst = Float.NaN;
        float lossLast = Float.NaN;
        String ranOn = "";
        for (int epoch = 1; epoch <= epochs; epoch++) {
            float rate = (float) (learningRate * Math.pow(learningRateDecay, epoch - 1));
            TrainingSettings settings = TrainingSettings.builder().setEpochs(1).setBatchSize(batch)
                    .optLearningRate(rate).optDevice(where).optSeed(seed + epoch)
                    // thousands of steps from scratch, as darknet
                    .optBatchNormMomentum(ConvolutionBlock.DARKNET_BATCH_NORM_MOMENTUM)
                    .build();
            TrainingResult result = new DetectorTrainer(cfg, SceneClasses.NAMES, settings).train(weights, scenes);
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
        byte[] cfgBytes = DefaultModel.cfgBytes();
        long heldOut = seed + SceneEvaluation.HELD_OUT_SEED_OFFSET;
        DetectorSettings settings = new DetectorSettings(0.005f, 0.45f, 1);
        try (OpenCvDetector detector = OpenCvDetector.load(DefaultModel.NAME, cfgBytes, weights, SceneClasses.NAMES,
                settings)) {
            System.out.println(SceneEvaluation.describe("pre-drift", heldOut,
                    SceneEvaluation.evaluate(detector, heldOut, SceneStyle.PRE_DRIFT, n)));
            System.out.println(SceneEvaluation.describe("drift", heldOut,
                    SceneEvaluation.evaluate(detector, heldOut, SceneStyle.DRIFT, n)));
        }
    }

    /** Scenes 0 to n - 1 of the generator, each rendered when first read and kept (230 kB a 320x240 scene). */
    static List<LabeledFrame> scenes(SceneGenerator generator, int n) {
        AtomicReferenceArray<LabeledFrame> rendered = new AtomicReferenceArray<>(n);
        return new AbstractList<>() {
            @Override
            public LabeledFrame get(int index) {
                LabeledFrame frame = rendered.get(index);
                if (frame == null) {
                    frame = generator.frame(index);
                    rendered.set(index, frame);
                }
                return frame;
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
