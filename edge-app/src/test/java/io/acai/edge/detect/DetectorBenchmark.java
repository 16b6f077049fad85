package io.acai.edge.detect;

import io.acai.detection.ClassNames;
import io.acai.detection.InputTensor;
import io.acai.detection.Letterbox;
import io.acai.detection.ModelFiles;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.NonMaxSuppression;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.detection.opencv.YoloOutputDecoder;
import io.acai.model.DefaultModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Edge inference time on 2 OpenCV threads ({@code -Dacai.benchmark.threads=1}: one, as the default experiment's
 * edges run): the raw OpenCV forward pass (input already a blob, the
 * head convolutions requested, nothing copied) against the whole {@link OpenCvDetector#detect} of a
 * real COCO128 photo (letterbox + RGB/255 CHW preprocessing, forward, copies, decoding, NMS), and
 * the stages in between. Each iteration runs every measurement once, interleaved, so that load
 * from other processes affects them alike; medians are reported. {@code -Dacai.detector.cfg=FILE} (and
 * {@code -Dacai.detector.weights=FILE}, else seeded weights) adds an acai-shapes candidate, for example the same
 * layers at another input size, measured after the shipped model. Not part of the test suite; the
 * {@code benchmarks} profile runs it:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl edge-app -am -Dtest=DetectorBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class DetectorBenchmark {

    private static final int WARM_UP = 5;
    private static final int ITERATIONS = Integer.getInteger("acai.benchmark.iterations", 40);
    private static final int THREADS = Integer.getInteger("acai.benchmark.threads", 2);

    @Test
    void report() throws IOException {
        BufferedImage photo = ImageIO.read(
                SharedData.resolve("data/coco128/images/train/000000000036.jpg").toFile());
        System.out.printf("%nmachine: %d CPUs visible, load average %.1f, OpenCV threads %d, %d iterations after %d"
                + " warm-up%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), THREADS,
                ITERATIONS, WARM_UP);
        System.out.printf("image: COCO128 000000000036.jpg, %dx%d%n%n", photo.getWidth(), photo.getHeight());
        System.out.println("| model | input | conf | boxes kept | raw forward ms median (min) "
                + "| OpenCV yolo outputs ms | preprocess ms median (min) | forward+copy ms | decode+NMS ms "
                + "| detect() ms median (min) | detect() vs raw, medians (mins) |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

        Path cfgFile = SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg");
        ClassNames coco = ClassNames.read(SharedData.resolve("data/darknet/data/coco.names"));
        byte[] tinyCfg = Files.readAllBytes(cfgFile);
        byte[] tinyWeights = DarknetWeights.initial(DarknetConfig.read(cfgFile), 7).encode();
        for (float confidence : new float[] {0.25f, 0.8f}) {
            measure("yolov3-tiny, seeded random weights (seed 7)", tinyCfg, tinyWeights, coco, confidence, photo);
        }

        Path fastest = SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco");
        ModelFiles real = new ModelFiles(fastest.resolve("yolo-fastest-1.1.cfg"),
                fastest.resolve("yolo-fastest-1.1.weights"), fastest.resolve("coco.names"));
        measure("Yolo-Fastest-1.1 COCO, real weights", Files.readAllBytes(real.cfg()),
                Files.readAllBytes(real.weights()), ClassNames.read(real.names()), 0.25f, photo);

        byte[] shapesCfg = resource(DefaultModel.NAME + ".cfg");
        byte[] shapesWeights = resource(DefaultModel.NAME + ".weights");
        byte[] shapesNamesFile = resource(DefaultModel.NAME + ".names");
        if (shapesCfg == null || shapesNamesFile == null) {
            System.out.println("\nacai-shapes: cfg or names resource missing, skipped");
            return;
        }
        ClassNames shapesNames = ClassNames.of(Arrays.asList(new String(shapesNamesFile,
                java.nio.charset.StandardCharsets.UTF_8).strip().split("\\s*\\n\\s*")));
        if (shapesWeights == null) {
            Path cfg = Files.createTempFile("acai-shapes", ".cfg");
            Files.write(cfg, shapesCfg);
            byte[] random = DarknetWeights.initial(DarknetConfig.read(cfg), 7).encode();
            Files.delete(cfg);
            measure("acai-shapes, TRAINED WEIGHTS ABSENT: seeded random weights (seed 7)", shapesCfg, random,
                    shapesNames, 0.8f, photo);
        } else {
            measure("acai-shapes default model, shipped weights", shapesCfg, shapesWeights, shapesNames, 0.8f,
                    photo);
        }
        String otherCfg = System.getProperty("acai.detector.cfg");
        if (otherCfg != null) {
            // a candidate of the same classes, side by side with the shipped one (another input size, for example)
            Path cfg = Path.of(otherCfg);
            String weights = System.getProperty("acai.detector.weights");
            measure("acai-shapes, " + cfg.getFileName(), Files.readAllBytes(cfg), weights == null
                    ? DarknetWeights.initial(DarknetConfig.read(cfg), 7).encode() : Files.readAllBytes(Path.of(weights)),
                    shapesNames, 0.8f, photo);
        }
    }

    private static void measure(String label, byte[] cfg, byte[] weights, ClassNames names, float confidence,
            BufferedImage photo) throws IOException {
        DetectorSettings settings = new DetectorSettings(confidence, 0.45f, THREADS);
        try (OpenCvDetector detector = OpenCvDetector.load(label, cfg, weights, names, settings)) {
            DarknetConfig config = detector.config();
            int width = config.net().width();
            int height = config.net().height();
            Letterbox letterbox = Letterbox.of(photo.getWidth(), photo.getHeight(), width, height);
            YoloOutputDecoder decoder = YoloOutputDecoder.of(config, names);
            detector.warmUp();

            // two nets: OpenCV sets a network up again whenever the requested outputs change
            Net net = cpuNet(cfg, weights);
            Net yoloNet = cpuNet(cfg, weights);
            StringVector heads = new StringVector(detector.headLayerNames().toArray(new String[0]));
            StringVector yoloOutputs = yoloNet.getUnconnectedOutLayersNames();
            Mat blob = new Mat(new int[] {1, 3, height, width}, opencv_core.CV_32F);
            new FloatPointer(blob.data()).put(InputTensor.chw(photo, letterbox));
            MatVector outs = new MatVector();

            double[] raw = new double[ITERATIONS];
            double[] yolo = new double[ITERATIONS];
            double[] preprocess = new double[ITERATIONS];
            double[] forward = new double[ITERATIONS];
            double[] decode = new double[ITERATIONS];
            double[] detect = new double[ITERATIONS];
            int kept = 0;
            for (int i = -WARM_UP; i < ITERATIONS; i++) {
                long t0 = System.nanoTime();
                net.setInput(blob);
                net.forward(outs, heads);
                long t1 = System.nanoTime();
                yoloNet.setInput(blob);
                yoloNet.forward(outs, yoloOutputs);
                long t2 = System.nanoTime();
                float[] chw = InputTensor.chw(photo, letterbox);
                long t3 = System.nanoTime();
                float[][] headOutputs = detector.forward(chw);
                long t4 = System.nanoTime();
                int survivors = NonMaxSuppression.perClass(decoder.decode(headOutputs, letterbox, confidence),
                        0.45).size();
                long t5 = System.nanoTime();
                kept = detector.detect(photo).size();
                long t6 = System.nanoTime();
                if (survivors != kept) {
                    throw new IllegalStateException("stages found " + survivors + " boxes, detect() " + kept);
                }
                if (i >= 0) {
                    raw[i] = (t1 - t0) / 1e6;
                    yolo[i] = (t2 - t1) / 1e6;
                    preprocess[i] = (t3 - t2) / 1e6;
                    forward[i] = (t4 - t3) / 1e6;
                    decode[i] = (t5 - t4) / 1e6;
                    detect[i] = (t6 - t5) / 1e6;
                }
            }
            outs.close();
            blob.close();
            net.close();
            yoloNet.close();
            double rawMedian = median(raw);
            double detectMedian = median(detect);
            double rawMin = Arrays.stream(raw).min().orElseThrow();
            double detectMin = Arrays.stream(detect).min().orElseThrow();
            System.out.printf("| %s | %dx%d | %.2f | %d | %.1f (%.1f) | %.1f | %.1f (%.1f) | %.1f | %.2f "
                    + "| %.1f (%.1f) | %+.0f%% (%+.0f%%) |%n", label, width, height, confidence, kept, rawMedian,
                    rawMin, median(yolo), median(preprocess), Arrays.stream(preprocess).min().orElseThrow(),
                    median(forward), median(decode), detectMedian, detectMin,
                    100 * (detectMedian - rawMedian) / rawMedian, 100 * (detectMin - rawMin) / rawMin);
        }
    }

    private static Net cpuNet(byte[] cfg, byte[] weights) {
        Net net = opencv_dnn.readNetFromDarknet(cfg, weights);
        net.setPreferableBackend(opencv_dnn.DNN_BACKEND_OPENCV);
        net.setPreferableTarget(opencv_dnn.DNN_TARGET_CPU);
        return net;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DefaultModel.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
