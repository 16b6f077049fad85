package io.acai.cloud.train;

import io.acai.dataset.Dataset;
import io.acai.dataset.Datasets;
import io.acai.dataset.SkippedFile;
import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train --cfg C --weights W --names N --data DIR --epochs E --batch B --out OUT.weights}:
 * fine-tunes a darknet model on a YOLO-format (or Pascal VOC) folder with DJL, prints the loss of
 * every epoch, and writes OUT atomically in darknet format, loadable by {@code edge-app detect}.
 * The dataset's classes are matched to the model's names by name; files that cannot be used are
 * counted and listed instead of stopping the run. Exit codes: 0 done, 1 failed (message on
 * stderr), 2 bad arguments (usage on stderr).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fine-tune a darknet model on a dataset folder and write the new weights.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--cfg", required = true, paramLabel = "C", description = "Darknet .cfg of the model.")
    Path cfg;

    @Option(names = "--weights", required = true, paramLabel = "W", description = "Darknet .weights to start from.")
    Path weights;

    @Option(names = "--names", required = true, paramLabel = "N", description = "The model's .names file.")
    Path names;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "YOLO-format (or VOC) dataset folder.")
    Path data;

    @Option(names = "--epochs", required = true, paramLabel = "E", description = "Passes over the dataset.")
    int epochs;

    @Option(names = "--batch", required = true, paramLabel = "B", description = "Images per optimiser step.")
    int batch;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Where to write the trained .weights.")
    Path out;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate = TrainingSettings.DEFAULT_LEARNING_RATE;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where to train (default: ${DEFAULT-VALUE}).")
    String device = "auto";

    @Option(names = "--freeze-backbone", description = "Keep the layers before the first head fixed.")
    boolean freezeBackbone;

    @Option(names = "--seed", paramLabel = "S", description = "Shuffling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "PyTorch CPU threads, 0 for its default (default: ${DEFAULT-VALUE}).")
    int threads;

    /** Runs {@code train} with the given arguments (without the word {@code train}); returns the exit code. */
    public static int run(String[] args) {
        return commandLine(new TrainCommand()).execute(args);
    }

    /** A picocli command line that reports a failure as one line on stderr with exit code 1. */
    public static CommandLine commandLine(Object command) {
        CommandLine line = new CommandLine(command);
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandName() + ": " + (e.getMessage() != null ? e.getMessage() : e));
            err.flush();
            return 1;
        });
        return line;
    }

    @Override
    public Integer call() throws IOException {
        TrainingSettings settings;
        try {
            settings = TrainingSettings.builder().setEpochs(epochs).setBatchSize(batch).optLearningRate(learningRate)
                    .optFreezeBackbone(freezeBackbone).optDevice(TrainingDevice.parse(device)).optSeed(seed).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage(), e);
        }
        TorchThreads.limit(threads);
        DarknetConfig network = DarknetConfig.read(cfg);
        ClassNames classes = ClassNames.read(names);
        byte[] initial = Files.readAllBytes(weights);
        DarknetWeights.decode(initial, network, weights.toString()); // refuse mismatched weights before loading images
        Dataset dataset = Datasets.open(data, classes);
        List<LabeledFrame> frames = new ArrayList<>();
        dataset.forEach(frames::add);
        System.out.println("dataset: " + dataset.summary());
        for (SkippedFile skipped : dataset.skipped()) {
            System.out.println("  skipped " + skipped);
        }
        if (frames.isEmpty()) {
            throw new IOException(data + ": no usable images (" + dataset.skipped().size() + " skipped)");
        }
        TrainingResult result = new DetectorTrainer(network, classes, settings).train(initial, frames,
                report -> System.out.printf(Locale.ROOT, "epoch %d/%d loss %.4f (%.1f s)%n", report.epoch(),
                        report.epochs(), report.loss(), report.elapsed().toMillis() / 1000.0));
        DarknetWeights.decode(result.weights(), network, "trained weights").write(out);
        System.out.printf(Locale.ROOT, "trained %d images x %d epochs on %s in %.1f s (%.2f images/s): loss %.4f -> %.4f;"
                + " wrote %s%n", frames.size(), epochs, result.device(), result.elapsed().toMillis() / 1000.0,
                result.imagesPerSecond(), result.lossFirst(), result.lossLast(), out);
        return 0;
    }
}
