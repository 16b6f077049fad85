package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.acai.detection.Letterbox;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.ConvolutionParams;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
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

/**
 * The same letterboxed COCO photo, as the same float blob, through the DJL network and through
 * OpenCV's darknet importer: the raw head outputs (the convolution before each {@code [yolo]},
 * OpenCV layer {@code conv_N}, before any sigmoid) must agree. Relative difference of a head =
 * {@code max|djl - opencv| / max|opencv|} over all its elements; the bound is 1e-4. DJL runs on the
 * CPU here: GPU convolutions may use TF32, which is not the arithmetic being checked.
 */
class DarknetBlockParityTest {

    private static final double BOUND = 1e-4;

    @TempDir
    Path temp;

    @Test
    void yolov3TinyWithRandomWeightsMatchesOpenCv() throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg"));
        Path weights = temp.resolve("yolov3-tiny-random.weights");
        withRandomBatchNorm(DarknetWeights.initial(cfg, 7), 11).write(weights);

        double[] differences = compare(cfg, weights);

        System.out.printf("parity yolov3-tiny random weights: max relative difference per head %s%n",
                Arrays.toString(differences));
        assertThat(differences).hasSize(2);
        assertThat(Arrays.stream(differences).max().orElseThrow()).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void yoloFastestWithRealWeightsMatchesOpenCv() throws IOException {
        Path folder = SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco");
        DarknetConfig cfg = DarknetConfig.read(folder.resolve("yolo-fastest-1.1.cfg"));

        double[] differences = compare(cfg, folder.resolve("yolo-fastest-1.1.weights"));

        System.out.printf("parity yolo-fastest-1.1 real weights: max relative difference per head %s%n",
                Arrays.toString(differences));
        assertThat(differences).hasSize(2);
        assertThat(Arrays.stream(differences).max().orElseThrow()).isLessThanOrEqualTo(BOUND);
    }

    /** Runs both engines on one blob and gives each head's relative difference. */
    private static double[] compare(DarknetConfig cfg, Path weightsFile) throws IOException {
        int width = cfg.net().width();
        int height = cfg.net().height();
        float[] blob = letterboxedBlob(firstCocoImage(), width, height);

        List<float[]> expected = openCvHeads(cfg, weightsFile, blob, width, height);

        DarknetWeights weights = DarknetWeights.read(weightsFile, cfg);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            DarknetBlock block = DarknetBlock.of(cfg);
            block.initialize(manager, DataType.FLOAT32, block.inputShape(1));
            WeightsTransfer.toBlock(weights, block);
            NDArray input = manager.create(blob, block.inputShape(1));
            NDList heads = block.forward(new ParameterStore(manager, false), new NDList(input), false);

            assertThat(heads).hasSize(expected.size());
            double[] differences = new double[heads.size()];
            for (int h = 0; h < heads.size(); h++) {
                assertThat(heads.get(h).getShape()).isEqualTo(block.getOutputShapes(
                        new ai.djl.ndarray.types.Shape[] {block.inputShape(1)})[h]);
                differences[h] = relativeDifference(heads.get(h).toFloatArray(), expected.get(h));
            }
            return differences;
        }
    }

    private static List<float[]> openCvHeads(DarknetConfig cfg, Path weights, float[] blob, int width,
            int height) {
        Net net = opencv_dnn.readNetFromDarknet(cfg.source().toString(), weights.toString());
        net.setPreferableBackend(opencv_dnn.DNN_BACKEND_OPENCV);
        net.setPreferableTarget(opencv_dnn.DNN_TARGET_CPU);
        Mat input = new Mat(new int[] {1, 3, height, width}, opencv_core.CV_32F);
        new FloatPointer(input.data()).put(blob);
        net.setInput(input);

        List<String> names = new ArrayList<>();
        for (int yolo : cfg.yoloLayerIndexes()) {
            String name = "conv_" + (yolo - 1); // OpenCV names a darknet convolution conv_<layer index>
            assertThat(net.getLayerId(name)).as("OpenCV layer %s", name).isGreaterThanOrEqualTo(0);
            names.add(name);
        }
        MatVector outputs = new MatVector();
        net.forward(outputs, new StringVector(names.toArray(new String[0])));

        List<float[]> heads = new ArrayList<>();
        for (int h = 0; h < names.size(); h++) {
            Mat out = outputs.get(h);
            assertThat(out.isContinuous()).isTrue();
            float[] values = new float[(int) out.total()];
            new FloatPointer(out.data()).get(values);
            heads.add(values);
        }
        return heads;
    }

    private static double relativeDifference(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double maxDifference = 0;
        double maxMagnitude = 0;
        for (int i = 0; i < actual.length; i++) {
            maxDifference = Math.max(maxDifference, Math.abs((double) actual[i] - expected[i]));
            maxMagnitude = Math.max(maxMagnitude, Math.abs((double) expected[i]));
        }
        assertThat(maxMagnitude).as("OpenCV head is all zeros").isGreaterThan(0);
        return maxDifference / maxMagnitude;
    }

    /**
     * Fresh weights with non-trivial batch norm (initial() gives gamma 1, beta 0, mean 0, variance 1,
     * which would not tell gamma from beta or mean from variance) and non-zero head biases.
     */
    private static DarknetWeights withRandomBatchNorm(DarknetWeights fresh, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ConvolutionParams> changed = new ArrayList<>();
        for (ConvolutionParams c : fresh.convolutions()) {
            int n = c.biases().length;
            float[] biases = uniform(random, n, -0.2, 0.2);
            if (c.batchNormalize()) {
                changed.add(new ConvolutionParams(c.layer(), biases, uniform(random, n, 0.5, 1.5),
                        uniform(random, n, -0.2, 0.2), uniform(random, n, 0.5, 2.0), c.kernel()));
            } else {
                changed.add(new ConvolutionParams(c.layer(), biases, null, null, null, c.kernel()));
            }
        }
        return new DarknetWeights(fresh.header(), changed);
    }

    private static float[] uniform(SplittableRandom random, int n, double low, double high) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return values;
    }

    private static BufferedImage firstCocoImage() throws IOException {
        Path folder = SharedData.resolve("data/coco128/images/train");
        try (Stream<Path> files = Files.list(folder)) {
            Path first = files.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
            return ImageIO.read(first.toFile());
        }
    }

    /** The image letterboxed onto grey, as NCHW float RGB in [0, 1]. */
    static float[] letterboxedBlob(BufferedImage image, int width, int height) {
        Letterbox box = Letterbox.of(image.getWidth(), image.getHeight(), width, height);
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new java.awt.Color(Letterbox.FILL, Letterbox.FILL, Letterbox.FILL));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, box.offsetX(), box.offsetY(), box.resizedWidth(), box.resizedHeight(), null);
        g.dispose();
        float[] blob = new float[3 * width * height];
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = canvas.getRGB(x, y);
                int i = y * width + x;
                blob[i] = ((rgb >> 16) & 0xff) / 255f;
                blob[plane + i] = ((rgb >> 8) & 0xff) / 255f;
                blob[2 * plane + i] = (rgb & 0xff) / 255f;
            }
        }
        return blob;
    }
}
