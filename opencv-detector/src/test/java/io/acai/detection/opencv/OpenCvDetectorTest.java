package io.acai.detection.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.Detection;
import io.acai.detection.InputTensor;
import io.acai.detection.Letterbox;
import io.acai.detection.ModelFiles;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.CfgException;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.darknet.WeightsMismatchException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Yolo-Fastest-1.1 COCO model from {@code ../shared} on real COCO128 photos. */
class OpenCvDetectorTest {

    private static final String MODEL = "data/yolo-fastest/yolo-fastest-1.1_coco/";
    private static final DetectorSettings SETTINGS = new DetectorSettings(0.25f, 0.45f, 2);

    @TempDir
    Path temp;

    @Test
    void findsThePersonTheLabelFileNames() throws IOException {
        // 000000000036: a 481x640 photo of a person under an umbrella; its label file has one person
        Path image = SharedData.resolve("data/coco128/images/train/000000000036.jpg");
        List<BoundingBox> people = labelledBoxes(
                SharedData.resolve("data/coco128/labels/train/000000000036.txt"), 0, 481, 640);
        assertThat(people).hasSize(1);

        try (OpenCvDetector detector = OpenCvDetector.load(model(), SETTINGS)) {
            List<Detection> detections = detector.detect(ImageIO.read(image.toFile()));

            System.out.println("000000000036.jpg: " + detections);
            assertThat(detections).allSatisfy(d -> {
                assertThat(d.confidence()).isBetween(0.25f, 1f);
                assertThat(d.className()).isEqualTo(detector.classNames().name(d.classId()));
                assertThat(d.box().x()).isBetween(0.0, 481.0);
                assertThat(d.box().x() + d.box().width()).isLessThanOrEqualTo(481.0 + 1e-9);
                assertThat(d.box().y() + d.box().height()).isLessThanOrEqualTo(640.0 + 1e-9);
            });
            assertThat(detections).as("a person at IoU >= 0.5 with %s", people.get(0))
                    .anyMatch(d -> d.className().equals("person") && d.box().iou(people.get(0)) >= 0.5);
        }
    }

    @Test
    void nmsLeavesNoTwoOverlappingBoxesOfOneClass() throws IOException {
        Path image = SharedData.resolve("data/coco128/images/train/000000000308.jpg"); // four people
        try (OpenCvDetector detector = OpenCvDetector.load(model(), SETTINGS.withConfidence(0.05f))) {
            List<Detection> detections = detector.detect(ImageIO.read(image.toFile()));

            assertThat(detections).isNotEmpty();
            for (int i = 0; i < detections.size(); i++) {
                for (int j = i + 1; j < detections.size(); j++) {
                    Detection a = detections.get(i);
                    Detection b = detections.get(j);
                    if (a.classId() == b.classId()) {
                        assertThat(a.box().iou(b.box())).as("%s vs %s", a, b).isLessThanOrEqualTo(0.45);
                    }
                }
            }
        }
    }

    @Test
    void modelFromBytesGivesTheSameRawOutputsAsFromFiles() throws IOException {
        ModelFiles files = model();
        BufferedImage image = ImageIO.read(SharedData.resolve("data/coco128/images/train/000000000036.jpg").toFile());
        try (OpenCvDetector fromFiles = OpenCvDetector.load(files, SETTINGS);
                OpenCvDetector fromBytes = OpenCvDetector.load(Files.readAllBytes(files.cfg()),
                        Files.readAllBytes(files.weights()), ClassNames.read(files.names()), SETTINGS)) {
            fromBytes.warmUp();
            float[][] expected = fromFiles.rawOutputs(image);
            float[][] actual = fromBytes.rawOutputs(image);

            DarknetConfig cfg = fromFiles.config();
            assertThat(fromFiles.headLayerNames()).containsExactly("conv_" + (cfg.yoloLayerIndexes().get(0) - 1),
                    "conv_" + (cfg.yoloLayerIndexes().get(1) - 1));
            assertThat(expected).hasNumberOfRows(2);
            assertThat(expected[0]).hasSize(255 * 10 * 10); // 320x320 input, stride 32
            assertThat(expected[1]).hasSize(255 * 20 * 20);
            for (int h = 0; h < expected.length; h++) {
                assertThat(actual[h]).containsExactly(expected[h]);
            }
            assertThat(fromBytes.detect(image)).isEqualTo(fromFiles.detect(image));
        }
    }

    /**
     * Cross-check of the decoder against OpenCV's own Region layers ({@code yolo_N}), which decode the
     * same heads but then zero scores under 0.2 and run NMS per head: every box OpenCV keeps must be
     * among ours, with the same class, confidence ({@code objectness * class}) and geometry. The image
     * is resized to the network's 320x320 first, so the letterbox is the identity.
     */
    @Test
    void decoderAgreesWithOpenCvRegionLayers() throws IOException {
        ModelFiles files = model();
        BufferedImage photo = ImageIO.read(SharedData.resolve("data/coco128/images/train/000000000308.jpg").toFile());
        BufferedImage image = new BufferedImage(320, 320, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = image.createGraphics();
        g.drawImage(photo, 0, 0, 320, 320, null);
        g.dispose();
        Letterbox identity = Letterbox.of(320, 320, 320, 320);

        List<Detection> ours;
        DarknetConfig cfg;
        try (OpenCvDetector detector = OpenCvDetector.load(files, SETTINGS)) {
            cfg = detector.config();
            ours = YoloOutputDecoder.of(cfg, detector.classNames()).decode(detector.rawOutputs(image), identity, 0.3f);
        }
        List<float[]> regionRows = new ArrayList<>();
        Net net = opencv_dnn.readNetFromDarknet(files.cfg().toString(), files.weights().toString());
        try (Mat input = new Mat(new int[] {1, 3, 320, 320}, opencv_core.CV_32F); MatVector outs = new MatVector()) {
            new FloatPointer(input.data()).put(InputTensor.chw(image, identity));
            net.setInput(input);
            List<String> names = cfg.yoloLayerIndexes().stream().map(i -> "yolo_" + i).toList();
            net.forward(outs, new StringVector(names.toArray(new String[0])));
            for (long h = 0; h < outs.size(); h++) {
                Mat out = outs.get(h);
                float[] values = new float[(int) out.total()];
                new FloatPointer(out.data()).get(values);
                for (int r = 0; r < values.length / 85; r++) {
                    regionRows.add(Arrays.copyOfRange(values, r * 85, r * 85 + 85));
                }
            }
        } finally {
            net.close();
        }

        int checked = 0;
        for (float[] row : regionRows) {
            int best = 0;
            for (int c = 1; c < 80; c++) {
                best = row[5 + c] > row[5 + best] ? c : best;
            }
            float score = row[5 + best];
            if (score < 0.3f) {
                continue;
            }
            BoundingBox box = identity.toImage(BoundingBox.fromCenter(row[0] * 320, row[1] * 320, row[2] * 320,
                    row[3] * 320));
            int classId = best;
            assertThat(ours).as("OpenCV's %s %.4f at %s", classId, score, box).anyMatch(d -> d.classId() == classId
                    && Math.abs(d.confidence() - score) < 1e-4 && Math.abs(d.box().x() - box.x()) < 1e-2
                    && Math.abs(d.box().y() - box.y()) < 1e-2 && Math.abs(d.box().width() - box.width()) < 1e-2
                    && Math.abs(d.box().height() - box.height()) < 1e-2);
            checked++;
        }
        System.out.println("region cross-check: " + checked + " OpenCV boxes found among our " + ours.size());
        assertThat(checked).isPositive();
    }

    /** One detector per thread, as documented: two threads at once find what one finds alone. */
    @Test
    void oneDetectorPerThreadRunsConcurrently() throws Exception {
        BufferedImage image = ImageIO.read(SharedData.resolve("data/coco128/images/train/000000000036.jpg").toFile());
        List<Detection> alone;
        try (OpenCvDetector detector = OpenCvDetector.load(model(), SETTINGS)) {
            alone = detector.detect(image);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<List<List<Detection>>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    List<List<Detection>> results = new ArrayList<>();
                    // each thread loads its own detector while the other may be detecting (a hot swap)
                    try (OpenCvDetector detector = OpenCvDetector.load(model(), SETTINGS)) {
                        for (int i = 0; i < 3; i++) {
                            results.add(detector.detect(image));
                        }
                    }
                    return results;
                }));
            }
            for (java.util.concurrent.Future<List<List<Detection>>> run : runs) {
                assertThat(run.get()).hasSize(3).allSatisfy(result -> assertThat(result).isEqualTo(alone));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void weightsOfTheWrongSizeAreRefusedWithExpectedAndFoundCounts() throws IOException {
        ModelFiles real = model();
        byte[] weights = Files.readAllBytes(real.weights());
        Path truncated = temp.resolve("truncated.weights");
        Files.write(truncated, Arrays.copyOf(weights, weights.length - 400));
        long expected = DarknetWeights.floatCount(DarknetConfig.read(real.cfg()));

        assertThatThrownBy(() -> OpenCvDetector.load(new ModelFiles(real.cfg(), truncated, real.names()), SETTINGS))
                .isInstanceOf(WeightsMismatchException.class)
                .hasMessage(truncated + ": " + (expected - 100) + " floats of weights, but " + real.cfg()
                        + " needs " + expected + " (wrong cfg for these weights, or a truncated file?)");

        // the yolov3-tiny cfg with Yolo-Fastest's weights, pushed as bytes
        byte[] tinyCfg = Files.readAllBytes(SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg"));
        assertThatThrownBy(() -> OpenCvDetector.load("pushed", tinyCfg, weights, ClassNames.read(real.names()),
                SETTINGS))
                .isInstanceOf(WeightsMismatchException.class)
                .hasMessageStartingWith("pushed weights: " + (weights.length - 20) / 4 + " floats of weights, but "
                        + "pushed cfg needs ");
        assertThatThrownBy(() -> OpenCvDetector.load(tinyCfg, new byte[7], ClassNames.read(real.names()), SETTINGS))
                .isInstanceOf(WeightsMismatchException.class).hasMessageStartingWith("in-memory weights: 0 floats");
    }

    @Test
    void corruptCfgIsRefusedWithFileAndLine() throws IOException {
        ModelFiles real = model();
        List<String> lines = new ArrayList<>(Files.readAllLines(real.cfg(), StandardCharsets.UTF_8));
        int at = lines.indexOf("[yolo]");
        assertThat(at).isPositive();
        lines.set(at + 1, "mask 3,4,5"); // no '='
        Path corrupt = temp.resolve("corrupt.cfg");
        Files.write(corrupt, lines);

        assertThatThrownBy(() -> OpenCvDetector.load(new ModelFiles(corrupt, real.weights(), real.names()), SETTINGS))
                .isInstanceOf(CfgException.class)
                .hasMessage(corrupt + ":" + (at + 2) + ": malformed line 'mask 3,4,5' (expected: key=value)");
        byte[] bytes = Files.readAllBytes(corrupt);
        assertThatThrownBy(() -> OpenCvDetector.load("pushed", bytes, Files.readAllBytes(real.weights()),
                ClassNames.read(real.names()), SETTINGS))
                .isInstanceOf(CfgException.class)
                .hasMessage("pushed cfg:" + (at + 2) + ": malformed line 'mask 3,4,5' (expected: key=value)");
        assertThatThrownBy(() -> OpenCvDetector.load("pushed", new byte[] {(byte) 0xff, (byte) 0xfe, 0},
                Files.readAllBytes(real.weights()), ClassNames.read(real.names()), SETTINGS))
                .isInstanceOf(CfgException.class)
                .hasMessage("pushed cfg: not a text file (expected: a darknet .cfg)");
    }

    @Test
    void namesOfAnotherModelAreRefused() throws IOException {
        ModelFiles real = model();
        Path voc = SharedData.resolve("data/darknet/data/voc.names");

        assertThatThrownBy(() -> OpenCvDetector.load(new ModelFiles(real.cfg(), real.weights(), voc), SETTINGS))
                .isInstanceOf(IOException.class)
                .hasMessage(voc + ": 20 class names, but " + real.cfg() + " has classes=80"
                        + " (wrong .names file for this cfg?)");
    }

    @Test
    void missingFileIsNamed() {
        ModelFiles real = model();
        Path missing = temp.resolve("absent.weights");

        assertThatThrownBy(() -> OpenCvDetector.load(new ModelFiles(real.cfg(), missing, real.names()), SETTINGS))
                .isInstanceOf(IOException.class).hasMessage(missing + ": model file missing or unreadable");
    }

    @Test
    void closedDetectorRefusesWork() throws IOException {
        OpenCvDetector detector = OpenCvDetector.load(model(), SETTINGS);
        detector.close();
        detector.close(); // twice is harmless

        assertThatThrownBy(detector::warmUp).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("detector closed");
    }

    private static ModelFiles model() {
        return new ModelFiles(SharedData.resolve(MODEL + "yolo-fastest-1.1.cfg"),
                SharedData.resolve(MODEL + "yolo-fastest-1.1.weights"), SharedData.resolve(MODEL + "coco.names"));
    }

    /** The boxes of one class in a YOLO label file ({@code class cx cy w h}, normalised), in pixels. */
    private static List<BoundingBox> labelledBoxes(Path labels, int classId, int width, int height)
            throws IOException {
        List<BoundingBox> boxes = new ArrayList<>();
        for (String line : Files.readAllLines(labels)) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 5 && Integer.parseInt(f[0]) == classId) {
                boxes.add(BoundingBox.fromCenter(Double.parseDouble(f[1]) * width, Double.parseDouble(f[2]) * height,
                        Double.parseDouble(f[3]) * width, Double.parseDouble(f[4]) * height));
            }
        }
        return boxes;
    }
}
