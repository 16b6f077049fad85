package io.acai.detection.darknet;

import java.util.List;

/**
 * {@code [yolo]}: a detection head over the previous layer's output, whose channels are
 * {@code mask.size() * (5 + classes)}. {@code anchors} are all the cfg's anchors as (width, height)
 * pairs in input pixels; {@code mask} picks those this head uses. {@code scaleXY} is Yolo-Fastest's
 * {@code scale_x_y} (1 for plain YOLOv3). {@code iouThresh} is darknet's {@code iou_thresh}: an object also trains
 * every other anchor of this head whose (w, h) overlaps its own with IoU above it, not only its best anchor
 * (Yolo-Fastest says 0.213; darknet's default, 1, turns it off).
 */
public record YoloLayer(int line, List<Integer> mask, List<Anchor> anchors, int classes, double ignoreThresh,
        double scaleXY, double iouThresh) implements Layer {

    /** Darknet's {@code iou_thresh} when the cfg gives none: only the best anchor trains. */
    public static final double NO_IOU_THRESH = 1.0;

    /** A head without {@code iou_thresh}. */
    public YoloLayer(int line, List<Integer> mask, List<Anchor> anchors, int classes, double ignoreThresh,
            double scaleXY) {
        this(line, mask, anchors, classes, ignoreThresh, scaleXY, NO_IOU_THRESH);
    }

    public YoloLayer {
        mask = List.copyOf(mask);
        anchors = List.copyOf(anchors);
    }

    /** The anchors this head uses, in mask order. */
    public List<Anchor> maskedAnchors() {
        return mask.stream().map(anchors::get).toList();
    }

    /** An anchor box size in input pixels. */
    public record Anchor(int width, int height) {
    }
}
