package io.acai.edge.detect;

import io.acai.dataset.ImageFiles;
import io.acai.detection.Detection;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.OpenCvDetector;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code detect --cfg C --weights W --names N [--conf 0.25] [--nms 0.45] [--threads 2] IMAGE...}: runs
 * a darknet model with OpenCV on each image ({@code --threads} OpenCV threads) and prints one JSON
 * object per image and line (see {@link DetectionJson}). An image that cannot be read is reported
 * on stderr, naming the file, and the others are still processed. {@code --help} prints every option.
 *
 * <p>Exit status: 0 when every image was processed (or for {@code --help}); 1 when the model could
 * not be loaded or at least one image could not be read; 2 for a usage error (missing or malformed
 * arguments).
 * The leading word {@code detect} is accepted and skipped, so the arguments may be passed with or
 * without the command name.
 */
public final class DetectCommand {

    static final String USAGE =
            "usage: detect --cfg C --weights W --names N [--conf 0.25] [--nms 0.45] [--threads 2] IMAGE...";
    static final float DEFAULT_CONFIDENCE = 0.25f;
    static final float DEFAULT_NMS = 0.45f;
    static final int DEFAULT_THREADS = 2;

    private DetectCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        DetectorSettings settings;
        try {
            arguments = Arguments.parse(args);
            if (arguments.helpRequested) {
                new CommandLine(arguments).usage(out);
                return 0;
            }
            settings = arguments.settings();
        } catch (IllegalArgumentException e) {
            err.println("detect: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (OpenCvDetector detector = OpenCvDetector.load(arguments.model(), settings)) {
            int failed = 0;
            for (String image : arguments.images()) {
                BufferedImage pixels;
                try {
                    pixels = read(Path.of(image));
                } catch (IOException e) {
                    err.println(e.getMessage());
                    failed++;
                    continue;
                }
                List<Detection> detections = detector.detect(pixels);
                out.println(DetectionJson.line(image, detections));
                out.flush();
            }
            if (failed > 0) {
                err.println("detect: " + failed + " of " + arguments.images().size() + " images could not be read");
                return 1;
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("detect: " + e.getMessage());
            return 1;
        }
    }

    /** The image, or an IOException whose message names the file and what is wrong with it. */
    static BufferedImage read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException(file + ": not a readable file");
        }
        return ImageFiles.readBgr(file);
    }

    /** The command line, parsed by picocli; {@link #settings()} checks the values' ranges. */
    @Command(name = "detect", description = "Runs a darknet model with OpenCV on each image and prints one "
            + "JSON line per image.")
    static final class Arguments {

        @Option(names = "--cfg", required = true, paramLabel = "C", description = "darknet .cfg")
        Path cfg;

        @Option(names = "--weights", required = true, paramLabel = "W", description = "darknet .weights")
        Path weights;

        @Option(names = "--names", required = true, paramLabel = "N", description = "class names, one a line")
        Path names;

        @Option(names = "--conf", paramLabel = "C", description = "least confidence kept, 0..1 (default: ${DEFAULT-VALUE})")
        float confidence = DEFAULT_CONFIDENCE;

        @Option(names = "--nms", paramLabel = "IOU", description = "per-class NMS IoU, 0..1 (default: ${DEFAULT-VALUE})")
        float nms = DEFAULT_NMS;

        @Option(names = "--threads", paramLabel = "N", description = "OpenCV threads for inference, >= 1 (default: ${DEFAULT-VALUE})")
        int threads = DEFAULT_THREADS;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
        boolean helpRequested;

        @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "images to run the model on")
        List<String> images;

        /** Parses {@code args}, with or without the leading word {@code detect}. */
        static Arguments parse(String[] args) {
            Arguments arguments = new Arguments();
            int from = args.length > 0 && args[0].equals("detect") ? 1 : 0;
            try {
                new CommandLine(arguments).parseArgs(Arrays.copyOfRange(args, from, args.length));
            } catch (ParameterException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return arguments;
        }

        ModelFiles model() {
            return new ModelFiles(cfg, weights, names);
        }

        DetectorSettings settings() {
            try {
                return new DetectorSettings(confidence, nms, threads);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replaceFirst("^confidence:", "--conf:")
                        .replaceFirst("^nms:", "--nms:").replaceFirst("^threads:", "--threads:"), e);
            }
        }

        List<String> images() {
            return images;
        }
    }
}
