package io.acai.detection.opencv;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.Detection;
import io.acai.detection.Letterbox;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.LayerShape;
import io.acai.detection.darknet.YoloLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the raw outputs of a darknet network's heads into detections in image pixels, the way
 * darknet's {@code [yolo]} layer does.
 *
 * <p>A head is the output of the convolution that feeds a {@code [yolo]} section, before any
 * activation: {@code A x (5 + classes)} channels over an {@code H x W} grid, laid out CHW, where
 * {@code A} is the number of anchors in the section's {@code mask}. For anchor {@code a} at cell
 * {@code (x, y)}, channels {@code a*(5+classes) + 0..3} are {@code tx, ty, tw, th}, {@code +4} the
 * objectness logit and {@code +5..} the class logits. The box in network-input pixels is
 * <pre>
 *   cx = (x + sigmoid(tx) * s - (s - 1) / 2) / W * inputWidth     (s = scale_x_y, 1 for YOLOv3)
 *   cy = (y + sigmoid(ty) * s - (s - 1) / 2) / H * inputHeight
 *   w  = exp(tw) * anchorWidth,   h = exp(th) * anchorHeight
 * </pre>
 * and its confidence is {@code sigmoid(objectness) * sigmoid(best class logit)}: one detection per
 * anchor and cell, for its most probable class, kept when the confidence reaches the threshold.
 * Boxes are mapped back through the letterbox and clipped to the image; a box that lies wholly in
 * the letterbox padding is dropped.
 *
 * <p>Why the raw convolution outputs and not those of OpenCV's {@code Region} layer (which OpenCV's
 * darknet importer puts in place of {@code [yolo]}): that layer already multiplies class scores by
 * objectness, zeroes every score under the cfg's {@code thresh} (0.2 when absent) and runs its own
 * NMS per head with the cfg's {@code nms_threshold} (0.4 when absent), so neither a lower
 * confidence threshold nor cross-head NMS could be applied after it. The raw heads are also exactly
 * what the DJL network produces, so one decoder serves both engines.
 */
public final class YoloOutputDecoder {

    private final List<Head> heads;
    private final int inputWidth;
    private final int inputHeight;
    private final ClassNames names;

    private YoloOutputDecoder(List<Head> heads, int inputWidth, int inputHeight, ClassNames names) {
        this.heads = List.copyOf(heads);
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.names = names;
    }

    /** A decoder for the heads of {@code cfg}, naming classes from {@code names}. */
    public static YoloOutputDecoder of(DarknetConfig cfg, ClassNames names) {
        List<Integer> indexes = cfg.yoloLayerIndexes();
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException(cfg.source() + ": no [yolo] section (expected: at least one head)");
        }
        List<LayerShape> shapes = cfg.shapes();
        List<Head> heads = new ArrayList<>();
        for (int index : indexes) {
            YoloLayer yolo = (YoloLayer) cfg.layers().get(index);
            if (yolo.classes() != names.size()) {
                throw new IllegalArgumentException(cfg.source() + ":" + yolo.line() + ": [yolo] has classes="
                        + yolo.classes() + " but the class names list " + names.size()
                        + " (wrong .names file for this cfg?)");
            }
            heads.add(new Head(yolo, shapes.get(index)));
        }
        return new YoloOutputDecoder(heads, cfg.net().width(), cfg.net().height(), names);
    }

    /** The number of heads, one per {@code [yolo]} section, in cfg order. */
    public int headCount() {
        return heads.size();
    }

    /** The number of floats head {@code h} holds: {@code channels x height x width}. */
    public int headLength(int h) {
        return Math.toIntExact(heads.get(h).shape().size());
    }

    public ClassNames classNames() {
        return names;
    }

    /**
     * Every box whose confidence reaches {@code confidence}, in image pixels, before NMS.
     *
     * @param outputs one array per head, in cfg order, each {@link #headLength(int)} floats (CHW)
     * @param letterbox how the image was fitted into the network input
     */
    public List<Detection> decode(float[][] outputs, Letterbox letterbox, float confidence) {
        if (outputs.length != heads.size()) {
            throw new IllegalArgumentException("head outputs: " + outputs.length + " (expected: " + heads.size()
                    + ", one per [yolo])");
        }
        if (letterbox.inputWidth() != inputWidth || letterbox.inputHeight() != inputHeight) {
            throw new IllegalArgumentException("letterbox input " + letterbox.inputWidth() + "x"
                    + letterbox.inputHeight() + " (expected: the network's " + inputWidth + "x" + inputHeight + ")");
        }
        List<Detection> detections = new ArrayList<>();
        for (int h = 0; h < heads.size(); h++) {
            if (outputs[h].length != headLength(h)) {
                LayerShape s = heads.get(h).shape();
                throw new IllegalArgumentException("head " + h + ": " + outputs[h].length + " floats (expected: "
                        + s.channels() + "x" + s.height() + "x" + s.width() + " = " + headLength(h) + ")");
            }
            decodeHead(heads.get(h), outputs[h], letterbox, confidence, detections);
        }
        return detections;
    }

    private void decodeHead(Head head, float[] out, Letterbox letterbox, float confidence, List<Detection> into) {
        YoloLayer yolo = head.yolo();
        int classes = yolo.classes();
        int gridH = head.shape().height();
        int gridW = head.shape().width();
        int plane = gridH * gridW;
        int cell = 5 + classes;
        double scale = yolo.scaleXY();
        double shift = (scale - 1) / 2;
        List<YoloLayer.Anchor> anchors = yolo.maskedAnchors();
        for (int a = 0; a < anchors.size(); a++) {
            int base = a * cell * plane;
            for (int y = 0; y < gridH; y++) {
                for (int x = 0; x < gridW; x++) {
                    int at = base + y * gridW + x;
                    double objectness = sigmoid(out[at + 4 * plane]);
                    if (objectness < confidence) {
                        continue; // a class probability is at most 1, so no class can reach the threshold
                    }
                    int best = 0;
                    float bestLogit = out[at + 5 * plane];
                    for (int c = 1; c < classes; c++) {
                        float logit = out[at + (5 + c) * plane];
                        if (logit > bestLogit) {
                            bestLogit = logit;
                            best = c;
                        }
                    }
                    float score = (float) (objectness * sigmoid(bestLogit));
                    if (score < confidence) {
                        continue;
                    }
                    double cx = (x + sigmoid(out[at]) * scale - shift) / gridW * inputWidth;
                    double cy = (y + sigmoid(out[at + plane]) * scale - shift) / gridH * inputHeight;
                    double w = Math.exp(out[at + 2 * plane]) * anchors.get(a).width();
                    double bh = Math.exp(out[at + 3 * plane]) * anchors.get(a).height();
                    if (!Double.isFinite(w) || !Double.isFinite(bh)) {
                        continue;
                    }
                    BoundingBox box = letterbox.toImage(BoundingBox.fromCenter(cx, cy, w, bh));
                    if (box.width() > 0 && box.height() > 0) {
                        into.add(new Detection(best, names.name(best), score, box));
                    }
                }
            }
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private record Head(YoloLayer yolo, LayerShape shape) {
    }
}
