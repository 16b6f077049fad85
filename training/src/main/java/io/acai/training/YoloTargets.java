package io.acai.training;

import io.acai.detection.BoundingBox;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.detection.Letterbox;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.LayerShape;
import io.acai.detection.darknet.YoloLayer;
import io.acai.detection.darknet.YoloLayer.Anchor;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code [yolo]} head should output for a batch, built from the frames' ground truth as
 * YOLOv3 assigns it. Every object is first letterboxed into the network input exactly as
 * {@link io.acai.detection.InputTensor} letterboxes the image; then
 * <ol>
 *   <li>its best anchor is the one, among <em>all</em> the cfg's anchors, whose (w, h) has the highest
 *       IoU with the object's (w, h), both centred at the origin;</li>
 *   <li>the object belongs to the head whose {@code mask} holds that anchor (no head when none does,
 *       as in darknet), in the grid cell holding its centre;</li>
 *   <li>with the cfg's {@code iou_thresh} below 1 (Yolo-Fastest: 0.213), as darknet's {@code yolo_layer.c} does,
 *       every other anchor of every head's mask whose (w, h) has IoU above it with the object's also gets the object,
 *       in that head's cell holding the centre: the network was trained to fire on those anchors too, and a loss
 *       that calls them background teaches it to stop;</li>
 *   <li>that cell and anchor get the targets below; a later object on the same cell and anchor
 *       replaces an earlier one.</li>
 * </ol>
 *
 * <p>Layout: {@code (N, A, 6 + classes, H, W)} floats, channel {@link #X}, {@link #Y}: the centre's
 * position inside its cell mapped to the head's sigmoid (for {@code scale_x_y} s:
 * {@code (fraction + (s - 1) / 2) / s}); {@link #W}, {@link #H}: {@code log(w / anchor w)},
 * {@code log(h / anchor h)}; {@link #OBJECT}: 1 where an object is assigned; {@link #BOX_SCALE}:
 * {@code 2 - w * h} with w, h relative to the input size (small boxes weigh more); then one-hot
 * classes. Alongside, every object of each image as corners {@code (x1, y1, x2, y2)} in input pixels,
 * {@code (N, maxObjects, 4)}, zero-padded, for the loss's ignore rule.
 */
public final class YoloTargets {

    public static final int X = 0;
    public static final int Y = 1;
    public static final int W = 2;
    public static final int H = 3;
    public static final int OBJECT = 4;
    public static final int BOX_SCALE = 5;
    public static final int FIRST_CLASS = 6;

    private final YoloLayer layer;
    private final int inputWidth;
    private final int inputHeight;
    private final int batch;
    private final int height;
    private final int width;
    private final float[] values;
    private final float[] truths;
    private final int maxTruths;
    private int assigned;

    private YoloTargets(YoloLayer layer, int inputWidth, int inputHeight, int batch, int height, int width,
            int maxTruths) {
        this.layer = layer;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.batch = batch;
        this.height = height;
        this.width = width;
        this.maxTruths = maxTruths;
        this.values = new float[batch * layer.mask().size() * channels() * height * width];
        this.truths = new float[batch * maxTruths * 4];
    }

    /**
     * The targets of every head of {@code cfg}, in head order, for the frames of one batch.
     *
     * @throws IllegalArgumentException when an object's class id is not one of the cfg's classes,
     *     naming the frame and the id
     */
    public static List<YoloTargets> build(DarknetConfig cfg, List<LabeledFrame> frames) {
        int inputWidth = cfg.net().width();
        int inputHeight = cfg.net().height();
        List<Integer> heads = cfg.yoloLayerIndexes();
        List<LayerShape> shapes = cfg.shapes();
        int maxTruths = Math.max(1, frames.stream().mapToInt(f -> f.objects().size()).max().orElse(0));
        List<YoloTargets> targets = new ArrayList<>(heads.size());
        for (int head : heads) {
            LayerShape grid = shapes.get(head);
            targets.add(new YoloTargets((YoloLayer) cfg.layers().get(head), inputWidth, inputHeight, frames.size(), grid.height(),
                    grid.width(), maxTruths));
        }
        List<Anchor> anchors = targets.get(0).layer.anchors();
        for (int n = 0; n < frames.size(); n++) {
            LabeledFrame frame = frames.get(n);
            Letterbox letterbox = Letterbox.of(frame.width(), frame.height(), inputWidth, inputHeight);
            List<GroundTruth> objects = frame.objects();
            for (int g = 0; g < objects.size(); g++) {
                GroundTruth object = objects.get(g);
                if (object.classId() < 0 || object.classId() >= cfg.classes()) {
                    throw new IllegalArgumentException("frame " + frame.id() + ": object " + g + " has class id "
                            + object.classId() + " (expected: 0.." + (cfg.classes() - 1) + " for " + cfg.source() + ")");
                }
                BoundingBox box = letterbox.toInput(object.box());
                for (YoloTargets target : targets) {
                    target.truth(n, g, box);
                }
                if (box.width() <= 0 || box.height() <= 0) {
                    continue; // an empty box trains no anchor
                }
                int best = bestAnchor(anchors, box);
                for (YoloTargets target : targets) {
                    List<Integer> mask = target.layer.mask();
                    for (int a = 0; a < mask.size(); a++) {
                        int anchor = mask.get(a);
                        if (anchor == best || shapeIou(anchors.get(anchor), box) > target.layer.iouThresh()) {
                            target.assign(n, a, box, object.classId());
                        }
                    }
                }
            }
        }
        return targets;
    }

    /** The index, among all anchors, whose (w, h) overlaps the box's (w, h) most (first on ties). */
    static int bestAnchor(List<Anchor> anchors, BoundingBox box) {
        int best = 0;
        double bestIou = -1;
        for (int i = 0; i < anchors.size(); i++) {
            double iou = shapeIou(anchors.get(i), box);
            if (iou > bestIou) {
                bestIou = iou;
                best = i;
            }
        }
        return best;
    }

    /** IoU of the anchor's and the box's (w, h), both centred at the origin. */
    static double shapeIou(Anchor anchor, BoundingBox box) {
        double intersection = Math.min(anchor.width(), box.width()) * Math.min(anchor.height(), box.height());
        double union = (double) anchor.width() * anchor.height() + box.area() - intersection;
        return intersection / union;
    }

    private void truth(int n, int g, BoundingBox box) {
        int at = (n * maxTruths + g) * 4;
        truths[at] = (float) box.x();
        truths[at + 1] = (float) box.y();
        truths[at + 2] = (float) (box.x() + box.width());
        truths[at + 3] = (float) (box.y() + box.height());
    }

    private void assign(int n, int a, BoundingBox box, int classId) {
        double strideX = (double) inputWidth / width;
        double strideY = (double) inputHeight / height;
        double gx = box.centerX() / strideX;
        double gy = box.centerY() / strideY;
        int i = Math.min(width - 1, Math.max(0, (int) Math.floor(gx)));
        int j = Math.min(height - 1, Math.max(0, (int) Math.floor(gy)));
        double s = layer.scaleXY();
        Anchor anchor = layer.maskedAnchors().get(a);
        set(n, a, X, j, i, (float) ((clamp01(gx - i) + (s - 1) / 2) / s));
        set(n, a, Y, j, i, (float) ((clamp01(gy - j) + (s - 1) / 2) / s));
        set(n, a, W, j, i, (float) Math.log(box.width() / anchor.width()));
        set(n, a, H, j, i, (float) Math.log(box.height() / anchor.height()));
        if (value(n, a, OBJECT, j, i) == 0) {
            assigned++;
        }
        set(n, a, OBJECT, j, i, 1);
        set(n, a, BOX_SCALE, j, i, (float) (2 - (box.width() / inputWidth) * (box.height() / inputHeight)));
        for (int c = 0; c < layer.classes(); c++) {
            set(n, a, FIRST_CLASS + c, j, i, c == classId ? 1 : 0);
        }
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private int index(int n, int a, int channel, int j, int i) {
        return (((n * layer.mask().size() + a) * channels() + channel) * height + j) * width + i;
    }

    private void set(int n, int a, int channel, int j, int i, float value) {
        values[index(n, a, channel, j, i)] = value;
    }

    /** One target value: image {@code n}, anchor {@code a} of this head's mask, channel, row {@code j}, column {@code i}. */
    public float value(int n, int a, int channel, int j, int i) {
        return values[index(n, a, channel, j, i)];
    }

    public YoloLayer layer() {
        return layer;
    }

    /** The network input's width in pixels, the unit of the boxes. */
    public int inputWidth() {
        return inputWidth;
    }

    public int inputHeight() {
        return inputHeight;
    }

    public int batch() {
        return batch;
    }

    public int anchors() {
        return layer.mask().size();
    }

    public int gridHeight() {
        return height;
    }

    public int gridWidth() {
        return width;
    }

    /** Channels per anchor: 6 + classes. */
    public int channels() {
        return FIRST_CLASS + layer.classes();
    }

    /** The target array, {@code (N, A, 6 + classes, H, W)}; the caller must not modify it. */
    float[] values() {
        return values;
    }

    /** The objects' corners in input pixels, {@code (N, maxTruths, 4)}, zero-padded. */
    float[] truths() {
        return truths;
    }

    public int maxTruths() {
        return maxTruths;
    }

    /** How many (cell, anchor) slots of this head hold an object. */
    public int assigned() {
        return assigned;
    }
}
