package io.acai.detection.darknet;

import java.util.List;

/**
 * {@code [yolo]}: a detection head over the previous layer's output, whose channels are
 * {@code mask.size() * (5 + classes)}. {@code anchors} are all the cfg's anchors as (width, height)
 * pairs in input pixels; {@code mask} picks those this head uses. {@code scaleXY} is Yolo-Fastest's
 * {@code scale_x_y} (1 for plain YOLOv3).
 */
public record YoloLayer(int line, List<Integer> mask, List<Anchor> anchors, int classes, double ignoreThresh,
        double scaleXY) implements Layer {

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
