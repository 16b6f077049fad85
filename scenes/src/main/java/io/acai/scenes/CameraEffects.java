package io.acai.scenes;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.SplittableRandom;

/**
 * What the camera does to a drawn scene: lens blur, exposure ({@link Lighting}) and sensor noise,
 * in that order, producing the {@code TYPE_3BYTE_BGR} frame.
 */
final class CameraEffects {

    private CameraEffects() {
    }

    static BufferedImage record(int[] rgb, int width, int height, int blurRadius, Lighting lighting,
            double noiseSigma, SplittableRandom random) {
        int[] pixels = blurRadius > 0 ? boxBlur(rgb, width, height, blurRadius) : rgb;
        int[] red = lighting.table(lighting.red());
        int[] green = lighting.table(lighting.green());
        int[] blue = lighting.table(lighting.blue());
        int saturation = (int) Math.round(lighting.saturation() * 256);
        int[] noise = noiseSigma > 0 ? NormalQuantiles.scaled(noiseSigma) : null;
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        for (int i = 0, o = 0; i < pixels.length; i++, o += 3) {
            int p = pixels[i];
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            if (saturation != 256) {
                int grey = (77 * r + 150 * g + 29 * b) >> 8;
                r = clamp(grey + ((r - grey) * saturation >> 8));
                g = clamp(grey + ((g - grey) * saturation >> 8));
                b = clamp(grey + ((b - grey) * saturation >> 8));
            }
            r = red[r];
            g = green[g];
            b = blue[b];
            if (noise != null) {
                long bits = random.nextLong();
                r = clamp(r + noise[(int) bits & NormalQuantiles.MASK]);
                g = clamp(g + noise[(int) (bits >>> 16) & NormalQuantiles.MASK]);
                b = clamp(b + noise[(int) (bits >>> 32) & NormalQuantiles.MASK]);
            }
            bgr[o] = (byte) b;
            bgr[o + 1] = (byte) g;
            bgr[o + 2] = (byte) r;
        }
        return frame;
    }

    /** A separable box blur of the given radius, edges clamped (each pass touches memory in order). */
    static int[] boxBlur(int[] rgb, int width, int height, int radius) {
        int window = 2 * radius + 1;
        // sum / window rounded, as a multiply and a shift: exact for every sum of window 8-bit values, radius <= 8
        int reciprocal = (1 << 22) / window + 1;
        int half = window / 2;
        int[] horizontal = new int[rgb.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int r = 0;
            int g = 0;
            int b = 0;
            for (int k = -radius; k <= radius; k++) {
                int p = rgb[row + Math.max(0, Math.min(width - 1, k))];
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
            }
            for (int x = 0; x < width; x++) {
                horizontal[row + x] = ((r + half) * reciprocal >>> 22) << 16 | ((g + half) * reciprocal >>> 22) << 8
                        | (b + half) * reciprocal >>> 22;
                int leaving = rgb[row + Math.max(0, x - radius)];
                int entering = rgb[row + Math.min(width - 1, x + radius + 1)];
                r += ((entering >> 16) & 0xff) - ((leaving >> 16) & 0xff);
                g += ((entering >> 8) & 0xff) - ((leaving >> 8) & 0xff);
                b += (entering & 0xff) - (leaving & 0xff);
            }
        }
        // vertical pass: running sums per column, rows visited in order
        int[] red = new int[width];
        int[] green = new int[width];
        int[] blue = new int[width];
        for (int k = -radius; k <= radius; k++) {
            int row = Math.max(0, Math.min(height - 1, k)) * width;
            for (int x = 0; x < width; x++) {
                int p = horizontal[row + x];
                red[x] += (p >> 16) & 0xff;
                green[x] += (p >> 8) & 0xff;
                blue[x] += p & 0xff;
            }
        }
        int[] result = new int[rgb.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int leavingRow = Math.max(0, y - radius) * width;
            int enteringRow = Math.min(height - 1, y + radius + 1) * width;
            for (int x = 0; x < width; x++) {
                result[row + x] = ((red[x] + half) * reciprocal >>> 22) << 16
                        | ((green[x] + half) * reciprocal >>> 22) << 8 | (blue[x] + half) * reciprocal >>> 22;
                int leaving = horizontal[leavingRow + x];
                int entering = horizontal[enteringRow + x];
                red[x] += ((entering >> 16) & 0xff) - ((leaving >> 16) & 0xff);
                green[x] += ((entering >> 8) & 0xff) - ((leaving >> 8) & 0xff);
                blue[x] += (entering & 0xff) - (leaving & 0xff);
            }
        }
        return result;
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(255, value);
    }
}
