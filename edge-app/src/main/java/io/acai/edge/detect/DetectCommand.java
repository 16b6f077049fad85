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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code detect --cfg C --weights W --names N [--conf 0.25] [--nms 0.45] IMAGE...}: runs a darknet
 * model with OpenCV on each image and prints one JSON object per image and line (see
 * {@link DetectionJson}). An image that cannot be read is reported on stderr, naming the file, and
 * the others are still processed.
 *
 * <p>Exit status: 0 when every image was processed; 1 when the model could not be loaded or at
 * least one image could not be read; 2 for a usage error (missing or malformed arguments).
 * The leading word {@code detect} is accepted and skipped, so the arguments may be passed with or
 * without the command name.
 */
public final class DetectCommand {

    static final String USAGE =
            "usage: detect --cfg C --weights W --names N [--conf 0.25] [--nms 0.45] IMAGE...";
    static final float DEFAULT_CONFIDENCE = 0.25f;
    static final float DEFAULT_NMS = 0.45f;
    static final int THREADS = 2;

    private DetectCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("detect: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (OpenCvDetector detector = OpenCvDetector.load(arguments.model(), arguments.settings())) {
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

    record Arguments(ModelFiles model, DetectorSettings settings, List<String> images) {

        static Arguments parse(String[] args) {
            String cfg = null;
            String weights = null;
            String names = null;
            float confidence = DEFAULT_CONFIDENCE;
            float nms = DEFAULT_NMS;
            List<String> images = new ArrayList<>();
            int i = args.length > 0 && args[0].equals("detect") ? 1 : 0;
            boolean optionsEnded = false;
            for (; i < args.length; i++) {
                String arg = args[i];
                if (optionsEnded || !arg.startsWith("--")) {
                    images.add(arg);
                    continue;
                }
                if (arg.equals("--")) {
                    optionsEnded = true;
                    continue;
                }
                String name = arg;
                String value;
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(name + ": missing value");
                }
                switch (name) {
                    case "--cfg" -> cfg = value;
                    case "--weights" -> weights = value;
                    case "--names" -> names = value;
                    case "--conf" -> confidence = number(name, value);
                    case "--nms" -> nms = number(name, value);
                    default -> throw new IllegalArgumentException(name + ": unknown option");
                }
            }
            require("--cfg", cfg);
            require("--weights", weights);
            require("--names", names);
            if (images.isEmpty()) {
                throw new IllegalArgumentException("no IMAGE given");
            }
            DetectorSettings settings;
            try {
                settings = new DetectorSettings(confidence, nms, THREADS);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replaceFirst("^confidence:", "--conf:")
                        .replaceFirst("^nms:", "--nms:"), e);
            }
            return new Arguments(new ModelFiles(Path.of(cfg), Path.of(weights), Path.of(names)), settings,
                    List.copyOf(images));
        }

        private static float number(String option, String value) {
            try {
                return Float.parseFloat(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + value + "' is not a number");
            }
        }

        private static void require(String option, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option + " missing");
            }
        }
    }
}
