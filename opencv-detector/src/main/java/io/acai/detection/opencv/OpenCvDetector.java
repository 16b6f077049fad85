package io.acai.detection.opencv;

import io.acai.detection.ClassNames;
import io.acai.detection.Detection;
import io.acai.detection.Detector;
import io.acai.detection.InputTensor;
import io.acai.detection.Letterbox;
import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.Activation;
import io.acai.detection.darknet.CfgException;
import io.acai.detection.darknet.ConvolutionalLayer;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.darknet.Layer;
import io.acai.detection.darknet.WeightsMismatchException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A darknet model ({@code .cfg} + {@code .weights}) run by OpenCV's DNN module on the CPU.
 *
 * <p>An image goes through {@link InputTensor} (letterbox, RGB, [0, 1], CHW: the same preprocessing
 * as training), OpenCV computes the raw output of every head (the convolution feeding each
 * {@code [yolo]}), {@link YoloOutputDecoder} turns them into boxes in image pixels and
 * {@link NonMaxSuppression} removes duplicates per class.
 *
 * <p>Before OpenCV sees anything, the cfg is parsed by this project's {@link DarknetConfig} and the
 * weights' size is checked against it, so that a malformed cfg or mismatched weights fail with a
 * {@link CfgException} or {@link WeightsMismatchException} naming the file, instead of inside
 * native code.
 *
 * <p><b>Threads.</b> One detector is used by one thread at a time: it owns one input buffer and one
 * OpenCV {@code Net}, neither of which may be shared. Use one detector per thread. The thread count
 * of {@link DetectorSettings} is OpenCV's process-wide {@code setNumThreads}: the detector loaded
 * last decides it for all (it is only set when it changes, so loading a replacement model with the
 * same settings while the old one is detecting leaves OpenCV's thread pool alone).
 */
public final class OpenCvDetector implements Detector {

    private final DarknetConfig cfg;
    private final YoloOutputDecoder decoder;
    private final DetectorSettings settings;
    private final Net net;
    private final List<String> headLayerNames;
    private final StringVector headNames;
    private final Mat input;
    private final FloatPointer inputData;
    private final MatVector outputs = new MatVector();
    private boolean closed;

    private OpenCvDetector(DarknetConfig cfg, YoloOutputDecoder decoder, DetectorSettings settings, Net net,
            List<String> headLayerNames) {
        this.cfg = cfg;
        this.decoder = decoder;
        this.settings = settings;
        this.net = net;
        this.headLayerNames = List.copyOf(headLayerNames);
        this.headNames = new StringVector(headLayerNames.toArray(new String[0]));
        this.input = new Mat(new int[] {1, 3, cfg.net().height(), cfg.net().width()}, opencv_core.CV_32F);
        this.inputData = new FloatPointer(input.data());
    }

    /** Loads a model from its three files; every file problem is an {@link IOException} naming the file. */
    public static OpenCvDetector load(ModelFiles files, DetectorSettings settings) throws IOException {
        files.requireReadable();
        DarknetConfig cfg = DarknetConfig.read(files.cfg());
        ClassNames names = ClassNames.read(files.names());
        requireSameClassCount(cfg, names, files.names().toString());
        return create(cfg, Files.readAllBytes(files.cfg()), Files.readAllBytes(files.weights()),
                files.weights().toString(), names, settings);
    }

    /**
     * Loads a model held in memory, for example weights pushed by the cloud, without writing the
     * weights to disk. Messages call the cfg {@code in-memory cfg}.
     */
    public static OpenCvDetector load(byte[] cfg, byte[] weights, ClassNames names, DetectorSettings settings)
            throws IOException {
        return load("in-memory", cfg, weights, names, settings);
    }

    /**
     * Loads a model held in memory; {@code label} names it in messages ({@code "<label> cfg:12: ..."},
     * {@code "<label> weights: ..."}), for example {@code "model v3"}.
     */
    public static OpenCvDetector load(String label, byte[] cfg, byte[] weights, ClassNames names,
            DetectorSettings settings) throws IOException {
        DarknetConfig parsed = parseCfg(label + " cfg", cfg);
        requireSameClassCount(parsed, names, label + " class names");
        return create(parsed, cfg, weights, label + " weights", names, settings);
    }

    private static OpenCvDetector create(DarknetConfig cfg, byte[] cfgBytes, byte[] weights, String weightsSource,
            ClassNames names, DetectorSettings settings) throws IOException {
        DarknetWeights.requireSize(weights, cfg, weightsSource);
        YoloOutputDecoder decoder = YoloOutputDecoder.of(cfg, names);
        if (opencv_core.getNumThreads() != settings.threads()) {
            // process-wide; left alone when unchanged, so that loading a model while another detector
            // is running (a hot swap) does not reconfigure OpenCV's thread pool under it
            opencv_core.setNumThreads(settings.threads());
        }
        Net net;
        try {
            net = opencv_dnn.readNetFromDarknet(cfgBytes, weights);
        } catch (RuntimeException e) {
            throw new IOException(cfg.source() + ", " + weightsSource + ": OpenCV could not import the model: "
                    + e.getMessage(), e);
        }
        if (net == null || net.empty()) {
            throw new IOException(cfg.source() + ", " + weightsSource + ": OpenCV imported an empty network");
        }
        try {
            net.setPreferableBackend(opencv_dnn.DNN_BACKEND_OPENCV);
            net.setPreferableTarget(opencv_dnn.DNN_TARGET_CPU);
            return new OpenCvDetector(cfg, decoder, settings, net, headNames(cfg, net));
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** Runs one forward pass on a grey frame, so that the first real frame does not pay OpenCV's setup. */
    public void warmUp() {
        float[] grey = new float[3 * cfg.net().width() * cfg.net().height()];
        Arrays.fill(grey, Letterbox.FILL / 255f);
        forward(grey);
    }

    /**
     * The raw output of every head for this image, in cfg order, each {@code channels x height x
     * width} floats (CHW) before any activation: what the DJL network gives for the same input.
     */
    public float[][] rawOutputs(BufferedImage image) {
        return forward(InputTensor.chw(image, letterbox(image)));
    }

    /** The raw head outputs for an already preprocessed input ({@code 3 x height x width}, RGB, CHW). */
    public float[][] forward(float[] chw) {
        requireOpen();
        int expected = 3 * cfg.net().width() * cfg.net().height();
        if (chw.length != expected) {
            throw new IllegalArgumentException("input: " + chw.length + " floats (expected: 3x" + cfg.net().height()
                    + "x" + cfg.net().width() + " = " + expected + ")");
        }
        inputData.put(chw);
        try {
            net.setInput(input);
            net.forward(outputs, headNames);
        } catch (RuntimeException e) {
            throw new IllegalStateException(cfg.source() + ": OpenCV forward pass failed: " + e.getMessage(), e);
        }
        float[][] heads = new float[decoder.headCount()][];
        for (int h = 0; h < heads.length; h++) {
            Mat out = outputs.get(h);
            Mat continuous = out.isContinuous() ? out : out.clone();
            if (continuous.total() != decoder.headLength(h)) {
                throw new IllegalStateException(cfg.source() + ": OpenCV head " + headLayerNames.get(h)
                        + " has " + continuous.total() + " values (expected: " + decoder.headLength(h) + ")");
            }
            heads[h] = new float[decoder.headLength(h)];
            new FloatPointer(continuous.data()).get(heads[h]);
        }
        return heads;
    }

    /** Detections in image pixels: confidence at least {@link DetectorSettings#confidence()}, per-class NMS. */
    @Override
    public List<Detection> detect(BufferedImage image) {
        Letterbox letterbox = letterbox(image);
        return detections(forward(InputTensor.chw(image, letterbox)), letterbox, settings.confidence());
    }

    /**
     * The detections in the raw head outputs ({@link #forward}) of an image that {@code letterbox} fitted into the
     * input, in image pixels: confidence at least {@code confidence}, per-class NMS at the settings' IoU.
     * {@link #detect} is {@code detections(forward(chw), letterbox, settings().confidence())}; one forward pass can
     * give the detections at two thresholds (an edge's judgement and an mAP ranking).
     */
    public List<Detection> detections(float[][] heads, Letterbox letterbox, float confidence) {
        return NonMaxSuppression.perClass(decoder.decode(heads, letterbox, confidence), settings.nms());
    }

    @Override
    public ClassNames classNames() {
        return decoder.classNames();
    }

    public DetectorSettings settings() {
        return settings;
    }

    public DarknetConfig config() {
        return cfg;
    }

    /** The OpenCV layers whose outputs {@link #rawOutputs} returns, one per head. */
    public List<String> headLayerNames() {
        return headLayerNames;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            outputs.close();
            inputData.close();
            input.close();
            headNames.close();
            net.close();
        }
    }

    private Letterbox letterbox(BufferedImage image) {
        return Letterbox.of(image.getWidth(), image.getHeight(), cfg.net().width(), cfg.net().height());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException(cfg.source() + ": detector closed");
        }
    }

    /**
     * The OpenCV layer holding the output of each head's convolution. OpenCV's darknet importer names
     * the layers it makes of darknet layer {@code n} {@code conv_n}, then {@code bn_n} when the layer
     * has batch normalisation (its activation layer takes the next number, so a head must be linear).
     */
    private static List<String> headNames(DarknetConfig cfg, Net net) throws IOException {
        List<String> heads = new ArrayList<>();
        for (int yolo : cfg.yoloLayerIndexes()) {
            int feeding = yolo - 1;
            Layer layer = feeding >= 0 ? cfg.layers().get(feeding) : null;
            if (!(layer instanceof ConvolutionalLayer conv) || conv.activation() != Activation.LINEAR) {
                throw new CfgException(cfg.source(), cfg.layers().get(yolo).line(),
                        "[yolo] must follow a [convolutional] with activation=linear (its raw output is the head)");
            }
            String name = (conv.batchNormalize() ? "bn_" : "conv_") + feeding;
            if (net.getLayerId(name) < 0) {
                throw new IOException(cfg.source() + ": OpenCV has no layer " + name + " for darknet layer "
                        + feeding + " (line " + conv.line() + ")");
            }
            heads.add(name);
        }
        return heads;
    }

    private static void requireSameClassCount(DarknetConfig cfg, ClassNames names, String namesSource)
            throws IOException {
        if (names.size() != cfg.classes()) {
            throw new IOException(namesSource + ": " + names.size() + " class names, but " + cfg.source()
                    + " has classes=" + cfg.classes() + " (wrong .names file for this cfg?)");
        }
    }

    /** Parses cfg bytes with the project's parser; messages name {@code label}. */
    private static DarknetConfig parseCfg(String label, byte[] cfg) throws IOException {
        Path named = Path.of(label);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(cfg)).toString();
        } catch (CharacterCodingException e) {
            throw new CfgException(named, 0, "not a text file (expected: a darknet .cfg)");
        }
        return DarknetConfig.parse(named, text);
    }

    @Override
    public String toString() {
        return "OpenCvDetector[" + cfg.source() + ", heads " + headLayerNames + ", "
                + settings + "]";
    }
}
