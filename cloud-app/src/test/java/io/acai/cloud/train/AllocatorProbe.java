package io.acai.cloud.train;

import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.detection.ModelFiles;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.model.DefaultModel;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingDevice;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The child JVM of {@link AllocatorSettingsBenchmark}: one measurement in a process of its own, so that
 * the environment glibc reads at start-up is the one the parent chose. Prints one line starting with
 * {@value #RESULT}: the figure, minor page faults and CPU-seconds of the process during the measured
 * part, and the process's peak resident memory.
 *
 * <pre>
 * AllocatorProbe train acai-shapes|yolov3-tiny BATCH STEPS   # images/s of DetectorTrainer, 1 warm-up step
 * AllocatorProbe infer acai-shapes|yolov3-tiny ITERATIONS     # median ms of OpenCvDetector.detect, 2 threads
 * </pre>
 */
public final class AllocatorProbe {

    static final String RESULT = "PROBE-RESULT";

    private AllocatorProbe() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4 && args.length != 3) {
            throw new IllegalArgumentException("usage: AllocatorProbe train MODEL BATCH STEPS | infer MODEL ITERATIONS"
                    + " (got " + Arrays.toString(args) + ")");
        }
        String model = args[1];
        Path dir = Files.createTempDirectory("acai-probe");
        String line;
        try {
            line = measure(args, model, dir);
        } finally {
            deleteFlat(dir); // the model files: 34 MB each for yolov3-tiny, one folder per probe
        }
        System.out.println(RESULT + " " + line + " " + peakResidentKib());
        System.exit(0);
    }

    private static String measure(String[] args, String model, Path dir) throws IOException {
        ModelFiles files = model.equals("acai-shapes") ? DefaultModel.extractTo(dir)
                : model.equals("yolov3-tiny") ? tiny(dir) : null;
        if (files == null) {
            throw new IllegalArgumentException("model: " + model + " (expected: acai-shapes or yolov3-tiny)");
        }
        DarknetConfig cfg = DarknetConfig.read(files.cfg());
        SceneGenerator scenes = new SceneGenerator(5000001, SceneStyle.DRIFT);
        return switch (args[0]) {
            case "train" -> train(cfg, files, scenes, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "infer" -> infer(files, scenes, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("mode: " + args[0] + " (expected: train or infer)");
        };
    }

    /** Deletes a folder of plain files. */
    private static void deleteFlat(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** yolov3-tiny.cfg from ../shared with seeded random weights and 80 numbered classes. */
    private static ModelFiles tiny(Path dir) throws IOException {
        Path cfg = SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg");
        Path weights = dir.resolve("yolov3-tiny.weights");
        Files.write(weights, DarknetWeights.initial(DarknetConfig.read(cfg), 7).encode());
        Path names = dir.resolve("yolov3-tiny.names");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            lines.add("class" + i);
        }
        Files.write(names, lines);
        return new ModelFiles(cfg, weights, names);
    }

    private static String train(DarknetConfig cfg, ModelFiles files, SceneGenerator scenes, int batch, int steps)
            throws IOException {
        List<LabeledFrame> frames = new ArrayList<>();
        for (int i = 0; i < batch * steps; i++) {
            frames.add(scenes.frame(i));
        }
        byte[] weights = Files.readAllBytes(files.weights());
        DetectorTrainer trainer = new DetectorTrainer(cfg, ClassNames.read(files.names()),
                TrainingSettings.builder().setEpochs(1).setBatchSize(batch).optLearningRate(1e-4f)
                        .optDevice(TrainingDevice.CPU).optSeed(1).build());
        trainer.train(weights, frames.subList(0, batch)); // warm-up: engine, natives, first allocations
        long faults = minorFaults();
        long cpu = cpuNanos();
        TrainingResult result = trainer.train(weights, frames);
        return String.format(Locale.ROOT, "%.3f %d %.2f", result.imagesPerSecond(), minorFaults() - faults,
                (cpuNanos() - cpu) / 1e9);
    }

    private static String infer(ModelFiles files, SceneGenerator scenes, int iterations) throws IOException {
        BufferedImage frame = scenes.frame(0).image();
        try (OpenCvDetector detector = OpenCvDetector.load(files, DetectorSettings.DEFAULT)) {
            detector.warmUp();
            for (int i = 0; i < 10; i++) {
                detector.detect(frame);
            }
            double[] ms = new double[iterations];
            long faults = minorFaults();
            long cpu = cpuNanos();
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                detector.detect(frame);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            long faulted = minorFaults() - faults;
            double cpuSeconds = (cpuNanos() - cpu) / 1e9;
            Arrays.sort(ms);
            return String.format(Locale.ROOT, "%.2f %d %.2f", ms[iterations / 2], faulted, cpuSeconds);
        }
    }

    /** CPU time of the whole process (every thread), nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Field 10 of {@code /proc/self/stat}: minor page faults of the process so far. */
    static long minorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    }

    /** {@code VmHWM} of {@code /proc/self/status}, KiB. */
    static long peakResidentKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }
}
