package io.acai.protocol;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * A camera-like test frame: a gradient background, three filled shapes (the objects its labels
 * describe) and Gaussian sensor noise, written as a JPEG by ImageIO at its default quality (0.75).
 */
final class SyntheticJpeg {

    private SyntheticJpeg() {
    }

    /** The boxes of the three shapes, as normalised {cx, cy, w, h}, for a frame of any size. */
    static final float[][] SHAPES = {
            {0.25f, 0.30f, 0.25f, 0.30f}, // rectangle
            {0.65f, 0.35f, 0.30f, 0.35f}, // ellipse
            {0.50f, 0.75f, 0.30f, 0.35f}, // triangle
    };

    static BufferedImage image(int width, int height, double noiseSigma, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(90, 120, 160), width, height, new Color(200, 190, 150)));
        g.fillRect(0, 0, width, height);
        g.setStroke(new BasicStroke(2));
        g.setColor(new Color(200, 40, 40));
        g.fill(box(SHAPES[0], width, height));
        g.setColor(new Color(40, 160, 60));
        Rectangle e = box(SHAPES[1], width, height);
        g.fillOval(e.x, e.y, e.width, e.height);
        g.setColor(new Color(40, 60, 200));
        Rectangle t = box(SHAPES[2], width, height);
        g.fill(new Polygon(new int[] {t.x, t.x + t.width / 2, t.x + t.width},
                new int[] {t.y + t.height, t.y, t.y + t.height}, 3));
        g.dispose();
        addNoise(image, noiseSigma, new Random(seed));
        return image;
    }

    static byte[] jpeg(int width, int height, double noiseSigma, long seed) {
        return encode(image(width, height, noiseSigma, seed));
    }

    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Rectangle box(float[] b, int width, int height) {
        return new Rectangle(Math.round((b[0] - b[2] / 2) * width), Math.round((b[1] - b[3] / 2) * height),
                Math.round(b[2] * width), Math.round(b[3] * height));
    }

    private static void addNoise(BufferedImage image, double sigma, Random random) {
        if (sigma <= 0) {
            return;
        }
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            int v = (data[i] & 0xFF) + (int) Math.round(random.nextGaussian() * sigma);
            data[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }
}
