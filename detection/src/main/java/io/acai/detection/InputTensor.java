package io.acai.detection;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The one preprocessing both engines use: an image letterboxed into the network input (bilinear
 * resize, grey {@link Letterbox#FILL} padding), channels in RGB order, values scaled to [0, 1],
 * laid out planar (CHW) as darknet expects. OpenCV inference and DJL training both call
 * {@link #chw(BufferedImage, Letterbox)}, so a frame means exactly the same input on the edge and in
 * the cloud.
 */
public final class InputTensor {

    private InputTensor() {
    }

    /** The letterboxed image itself, 8-bit BGR, {@code inputWidth x inputHeight}. */
    public static BufferedImage letterboxed(BufferedImage image, Letterbox letterbox) {
        BufferedImage canvas = new BufferedImage(letterbox.inputWidth(), letterbox.inputHeight(),
                BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(new java.awt.Color(Letterbox.FILL, Letterbox.FILL, Letterbox.FILL));
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, letterbox.offsetX(), letterbox.offsetY(), letterbox.resizedWidth(),
                    letterbox.resizedHeight(), null);
        } finally {
            g.dispose();
        }
        return canvas;
    }

    /** {@code 3 x inputHeight x inputWidth} floats, RGB, in [0, 1]. */
    public static float[] chw(BufferedImage image, Letterbox letterbox) {
        float[] out = new float[3 * letterbox.inputWidth() * letterbox.inputHeight()];
        chw(image, letterbox, out, 0);
        return out;
    }

    /** Writes {@code 3 x inputHeight x inputWidth} floats into {@code out} from {@code offset} (batches). */
    public static void chw(BufferedImage image, Letterbox letterbox, float[] out, int offset) {
        planar(letterboxed(image, letterbox), out, offset);
    }

    /**
     * The {@code 3 x height x width} floats of an image {@link #letterboxed} already (8-bit BGR at the network's
     * input size): {@code chw(image, letterbox)} is {@code planar(letterboxed(image, letterbox))}, so a caller that
     * keeps letterboxed frames (a held-out set scored again and again) feeds the network exactly the same input.
     */
    public static float[] planar(BufferedImage boxed) {
        float[] out = new float[3 * boxed.getWidth() * boxed.getHeight()];
        planar(boxed, out, 0);
        return out;
    }

    private static void planar(BufferedImage boxed, float[] out, int offset) {
        if (boxed.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("image type " + boxed.getType() + " (expected: TYPE_3BYTE_BGR, as "
                    + "letterboxed gives it)");
        }
        byte[] bgr = ((DataBufferByte) boxed.getRaster().getDataBuffer()).getData();
        int plane = boxed.getWidth() * boxed.getHeight();
        for (int i = 0; i < plane; i++) {
            out[offset + i] = (bgr[3 * i + 2] & 0xff) / 255f;
            out[offset + plane + i] = (bgr[3 * i + 1] & 0xff) / 255f;
            out[offset + 2 * plane + i] = (bgr[3 * i] & 0xff) / 255f;
        }
    }
}
