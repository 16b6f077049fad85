package io.acai.detection;

/**
 * An axis-aligned box in image pixels: {@code x, y} is the top-left corner.
 */
public record BoundingBox(double x, double y, double width, double height) {

    public BoundingBox {
        if (!(width >= 0) || !(height >= 0)) {
            throw new IllegalArgumentException("box size: " + width + "x" + height + " (expected: >= 0)");
        }
    }

    /** A box from its centre and size, as YOLO labels and heads express it. */
    public static BoundingBox fromCenter(double centerX, double centerY, double width, double height) {
        return new BoundingBox(centerX - width / 2, centerY - height / 2, width, height);
    }

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public double area() {
        return width * height;
    }

    /** Intersection over union; 0 when either box is empty. */
    public double iou(BoundingBox other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(x + width, other.x + other.width);
        double bottom = Math.min(y + height, other.y + other.height);
        double intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** The box scaled by independent factors on each axis (for example to normalised units). */
    public BoundingBox scale(double sx, double sy) {
        return new BoundingBox(x * sx, y * sy, width * sx, height * sy);
    }
}
