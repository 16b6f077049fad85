package io.acai.dataset;

import io.acai.detection.BoundingBox;

/**
 * One annotated object as a dataset file states it, before its image is decoded.
 *
 * @param classId the class id in the dataset's own names
 * @param box the box, in image pixels or, when {@code normalised}, in fractions of the image size
 * @param normalised whether {@code box} is in fractions of the image size (YOLO) or pixels (VOC)
 */
public record ObjectLabel(int classId, BoundingBox box, boolean normalised) {

    /** The box in pixels of an image of the given size, clipped to the image. */
    public BoundingBox pixelBox(int imageWidth, int imageHeight) {
        BoundingBox pixels = normalised ? box.scale(imageWidth, imageHeight) : box;
        double left = clamp(pixels.x(), imageWidth);
        double top = clamp(pixels.y(), imageHeight);
        double right = clamp(pixels.x() + pixels.width(), imageWidth);
        double bottom = clamp(pixels.y() + pixels.height(), imageHeight);
        return new BoundingBox(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    }

    private static double clamp(double value, int limit) {
        return Math.max(0, Math.min(limit, value));
    }
}
