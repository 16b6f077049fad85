package io.acai.detection;

/**
 * Darknet's letterbox: an image scaled by one factor to fit the network input, centred, the rest
 * filled with grey ({@link #FILL}). Inference (OpenCV) and training (DJL) use this one geometry so
 * that boxes mean the same on both sides.
 *
 * @param scale input pixels per image pixel
 * @param offsetX left padding in input pixels
 * @param offsetY top padding in input pixels
 */
public record Letterbox(int imageWidth, int imageHeight, int inputWidth, int inputHeight, double scale,
        int offsetX, int offsetY) {

    /** Grey fill of the padding, 127 of 255 on every channel, as darknet's 0.5. */
    public static final int FILL = 127;

    public static Letterbox of(int imageWidth, int imageHeight, int inputWidth, int inputHeight) {
        if (imageWidth <= 0 || imageHeight <= 0) {
            throw new IllegalArgumentException("image size: " + imageWidth + "x" + imageHeight + " (expected: > 0)");
        }
        double scale = Math.min((double) inputWidth / imageWidth, (double) inputHeight / imageHeight);
        int offsetX = (inputWidth - scaledWidth(imageWidth, scale)) / 2;
        int offsetY = (inputHeight - scaledHeight(imageHeight, scale)) / 2;
        return new Letterbox(imageWidth, imageHeight, inputWidth, inputHeight, scale, offsetX, offsetY);
    }

    /** Width of the resized image inside the input. */
    public int resizedWidth() {
        return scaledWidth(imageWidth, scale);
    }

    /** Height of the resized image inside the input. */
    public int resizedHeight() {
        return scaledHeight(imageHeight, scale);
    }

    /** A box in input pixels mapped back to image pixels, clipped to the image. */
    public BoundingBox toImage(BoundingBox inputBox) {
        double left = clamp((inputBox.x() - offsetX) / scale, imageWidth);
        double top = clamp((inputBox.y() - offsetY) / scale, imageHeight);
        double right = clamp((inputBox.x() + inputBox.width() - offsetX) / scale, imageWidth);
        double bottom = clamp((inputBox.y() + inputBox.height() - offsetY) / scale, imageHeight);
        return new BoundingBox(left, top, right - left, bottom - top);
    }

    /** A box in image pixels mapped into input pixels. */
    public BoundingBox toInput(BoundingBox imageBox) {
        return new BoundingBox(imageBox.x() * scale + offsetX, imageBox.y() * scale + offsetY,
                imageBox.width() * scale, imageBox.height() * scale);
    }

    private static int scaledWidth(int width, double scale) {
        return Math.max(1, (int) Math.round(width * scale));
    }

    private static int scaledHeight(int height, double scale) {
        return Math.max(1, (int) Math.round(height * scale));
    }

    private static double clamp(double value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
