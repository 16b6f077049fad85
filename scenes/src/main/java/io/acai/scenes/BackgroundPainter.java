package io.acai.scenes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Paints the backdrop of a scene onto a {@code TYPE_INT_RGB} canvas. */
final class BackgroundPainter {

    private BackgroundPainter() {
    }

    static void paint(Background kind, BufferedImage canvas, SplittableRandom random) {
        int[] pixels = pixels(canvas);
        int width = canvas.getWidth();
        int height = canvas.getHeight();
        switch (kind) {
            case FLAT -> Arrays.fill(pixels, backdropColour(random));
            case GRADIENT -> gradient(pixels, width, height, random);
            case CLUTTER -> {
                if (random.nextBoolean()) {
                    Arrays.fill(pixels, backdropColour(random));
                } else {
                    gradient(pixels, width, height, random);
                }
                clutter(canvas, random);
            }
            case TEXTURE -> texture(pixels, width, height, random);
            default -> throw new AssertionError(kind);
        }
    }

    static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** A muted to moderately saturated colour, neither black nor white. */
    static int backdropColour(SplittableRandom random) {
        float hue = random.nextFloat();
        float saturation = random.nextFloat() * 0.6f;
        float brightness = 0.2f + random.nextFloat() * 0.75f;
        return Color.HSBtoRGB(hue, saturation, brightness) & 0xffffff;
    }

    private static void gradient(int[] pixels, int width, int height, SplittableRandom random) {
        int from = backdropColour(random);
        int to = backdropColour(random);
        double angle = random.nextDouble() * 2 * Math.PI;
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        double min = Math.min(0, dx * (width - 1)) + Math.min(0, dy * (height - 1));
        double max = Math.max(0, dx * (width - 1)) + Math.max(0, dy * (height - 1));
        double span = Math.max(1e-9, max - min);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                pixels[row + x] = mix(from, to, (float) ((x * dx + y * dy - min) / span));
            }
        }
    }

    /** Translucent long bars and thin lines: texture that no class looks like. */
    private static void clutter(BufferedImage canvas, SplittableRandom random) {
        int width = canvas.getWidth();
        int height = canvas.getHeight();
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int items = 6 + random.nextInt(8);
            for (int i = 0; i < items; i++) {
                int rgb = backdropColour(random);
                int alpha = 60 + random.nextInt(90);
                g.setColor(new Color((alpha << 24) | rgb, true));
                double cx = random.nextDouble() * width;
                double cy = random.nextDouble() * height;
                double angle = random.nextDouble() * Math.PI;
                double length = (0.3 + random.nextDouble() * 0.9) * width;
                if (random.nextInt(3) == 0) {
                    g.setStroke(new BasicStroke(1 + random.nextInt(3)));
                    double hx = Math.cos(angle) * length / 2;
                    double hy = Math.sin(angle) * length / 2;
                    g.draw(new Line2D.Double(cx - hx, cy - hy, cx + hx, cy + hy));
                } else {
                    double thickness = 3 + random.nextDouble() * 11;
                    Rectangle2D bar = new Rectangle2D.Double(-length / 2, -thickness / 2, length, thickness);
                    AffineTransform place = AffineTransform.getTranslateInstance(cx, cy);
                    place.rotate(angle);
                    g.fill(place.createTransformedShape(bar));
                }
            }
        } finally {
            g.dispose();
        }
    }

    /** Two octaves of smooth value noise between two nearby colours. */
    private static void texture(int[] pixels, int width, int height, SplittableRandom random) {
        int from = backdropColour(random);
        int to = shifted(from, 70, random);
        int coarseCell = 12 + random.nextInt(28);
        int fineCell = Math.max(3, coarseCell / 3);
        ValueNoise coarse = new ValueNoise(width, height, coarseCell, random);
        ValueNoise fine = new ValueNoise(width, height, fineCell, random);
        float[] coarseRow = new float[width];
        float[] fineRow = new float[width];
        for (int y = 0; y < height; y++) {
            coarse.row(y, coarseRow);
            fine.row(y, fineRow);
            int row = y * width;
            for (int x = 0; x < width; x++) {
                pixels[row + x] = mix(from, to, 0.65f * coarseRow[x] + 0.35f * fineRow[x]);
            }
        }
    }

    /** Random values on a lattice of square cells, smoothly interpolated between the corners. */
    private static final class ValueNoise {

        private final float[] lattice;
        private final int columns;
        private final int cell;
        private final int[] cellOf;
        private final float[] weightOf;

        ValueNoise(int width, int height, int cell, SplittableRandom random) {
            this.cell = cell;
            this.columns = width / cell + 2;
            this.lattice = new float[columns * (height / cell + 2)];
            for (int i = 0; i < lattice.length; i++) {
                lattice[i] = random.nextFloat();
            }
            cellOf = new int[width];
            weightOf = new float[width];
            for (int x = 0; x < width; x++) {
                cellOf[x] = x / cell;
                weightOf[x] = smooth((x - cellOf[x] * cell) / (float) cell);
            }
        }

        /** The noise along row {@code y}, into {@code out}. */
        void row(int y, float[] out) {
            int cy = y / cell;
            float fy = smooth((y - cy * cell) / (float) cell);
            int top = cy * columns;
            int bottom = top + columns;
            for (int x = 0; x < out.length; x++) {
                int cx = cellOf[x];
                float fx = weightOf[x];
                float upper = lattice[top + cx] + (lattice[top + cx + 1] - lattice[top + cx]) * fx;
                float lower = lattice[bottom + cx] + (lattice[bottom + cx + 1] - lattice[bottom + cx]) * fx;
                out[x] = upper + (lower - upper) * fy;
            }
        }
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }

    private static int shifted(int rgb, int range, SplittableRandom random) {
        int result = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int channel = (rgb >> shift) & 0xff;
            int moved = Math.max(0, Math.min(255, channel + random.nextInt(-range, range + 1)));
            result |= moved << shift;
        }
        return result;
    }

    static int mix(int from, int to, float t) {
        int r = channelMix(from >> 16, to >> 16, t);
        int g = channelMix(from >> 8, to >> 8, t);
        int b = channelMix(from, to, t);
        return (r << 16) | (g << 8) | b;
    }

    private static int channelMix(int from, int to, float t) {
        int a = from & 0xff;
        int b = to & 0xff;
        return (int) (a + (b - a) * t + 0.5f);
    }
}
