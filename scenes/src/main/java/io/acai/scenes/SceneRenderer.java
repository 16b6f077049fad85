package io.acai.scenes;

import io.acai.detection.BoundingBox;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws one scene from a seed and a {@link SceneStyle}: backdrop, up to {@code maxObjects} shapes
 * placed fully inside the frame with limited overlap, then the camera's blur, lighting and noise.
 * Stateless and thread-safe; the same seed and style give the same pixels.
 */
final class SceneRenderer {

    /** Placements overlapping an earlier object more than this (IoU) are rejected. */
    static final double MAX_IOU = 0.3;
    /** ... and so are those covering more than this share of the smaller of the two boxes. */
    static final double MAX_COVERED = 0.5;

    private static final int PLACEMENT_TRIES = 12;
    private static final int COLOUR_TRIES = 12;
    private static final double OUTLINE_CHANCE = 0.35;
    private static final double SHADING_CHANCE = 0.5;

    private final int width;
    private final int height;

    SceneRenderer(int width, int height) {
        if (width < 32 || height < 32) {
            throw new IllegalArgumentException("frame size: " + width + "x" + height + " (expected: >= 32x32)");
        }
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    LabeledFrame render(String id, long seed, SceneStyle style) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        BackgroundPainter.paint(pick(style.backgrounds(), random), canvas, random);
        int[] pixels = BackgroundPainter.pixels(canvas);

        int count = style.maxObjects() == 0 || random.nextDouble() < style.emptyFrames()
                ? 0 : 1 + random.nextInt(style.maxObjects());
        List<GroundTruth> objects = new ArrayList<>(count);
        double shorter = Math.min(width, height);
        double logMin = Math.log(style.minObjectSize() * shorter);
        double logMax = Math.log(style.maxObjectSize() * shorter);
        for (int n = 0; n < count; n++) {
            SceneShape shape = SceneShape.values()[pick(style.classWeights(), random)];
            double size = Math.exp(logMin + random.nextDouble() * (logMax - logMin));
            double rotation = shape.rotation(random);
            double stroke = random.nextDouble() < OUTLINE_CHANCE ? Math.min(1.5 + random.nextDouble() * 2, size / 12) : 0;
            ShapeSprite sprite = ShapeSprite.draw(shape.outline(random), rotation, size, stroke, random.nextDouble(),
                    random.nextDouble());
            BoundingBox box = place(sprite, objects, random);
            if (box == null) {
                continue;
            }
            int x0 = (int) box.x() - sprite.minX;
            int y0 = (int) box.y() - sprite.minY;
            int fill = contrastingColour(meanColour(pixels, box), random);
            int outline = outlineColour(fill);
            double shading = random.nextDouble() < SHADING_CHANCE ? random.nextDouble() * 0.3 : 0;
            double shadingAngle = random.nextDouble() * 2 * Math.PI;
            composite(pixels, sprite, x0, y0, fill, outline, shading, shadingAngle);
            objects.add(new GroundTruth(shape.id(), shape.label(), box));
        }

        double jitter = 1 + style.lightingJitter() * (2 * random.nextDouble() - 1);
        BufferedImage frame = CameraEffects.record(pixels, width, height, style.blurRadius(),
                style.lighting().brighter(jitter), style.noiseSigma(), random.split());
        return new LabeledFrame(id, frame, objects);
    }

    /** A box for the sprite fully inside the frame and apart from the others, or null after a few tries. */
    private BoundingBox place(ShapeSprite sprite, List<GroundTruth> placed, SplittableRandom random) {
        int boxWidth = sprite.boxWidth();
        int boxHeight = sprite.boxHeight();
        if (boxWidth > width || boxHeight > height) {
            return null;
        }
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
            BoundingBox box = new BoundingBox(random.nextInt(width - boxWidth + 1), random.nextInt(height - boxHeight + 1),
                    boxWidth, boxHeight);
            if (placed.stream().allMatch(other -> apart(box, other.box()))) {
                return box;
            }
        }
        return null;
    }

    static boolean apart(BoundingBox a, BoundingBox b) {
        if (a.iou(b) > MAX_IOU) {
            return false;
        }
        double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        double intersection = Math.max(0, w) * Math.max(0, h);
        return intersection <= MAX_COVERED * Math.min(a.area(), b.area());
    }

    private int meanColour(int[] pixels, BoundingBox box) {
        long r = 0;
        long g = 0;
        long b = 0;
        int x0 = (int) box.x();
        int y0 = (int) box.y();
        int x1 = x0 + (int) box.width();
        int y1 = y0 + (int) box.height();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = pixels[y * width + x];
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
            }
        }
        long n = Math.max(1, (long) (x1 - x0) * (y1 - y0));
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    /**
     * A vivid colour that stands out from {@code background}: at least 100 apart in RGB and 30 in
     * luma when one of a few draws is; otherwise the draw that comes closest.
     */
    private static int contrastingColour(int background, SplittableRandom random) {
        int best = 0;
        double bestScore = -1;
        for (int attempt = 0; attempt < COLOUR_TRIES; attempt++) {
            int colour = Color.HSBtoRGB(random.nextFloat(), 0.3f + random.nextFloat() * 0.7f,
                    0.3f + random.nextFloat() * 0.7f) & 0xffffff;
            double score = Math.min(distance(colour, background) / 100, Math.abs(luma(colour) - luma(background)) / 30);
            if (score >= 1) {
                return colour;
            }
            if (score > bestScore) {
                bestScore = score;
                best = colour;
            }
        }
        return best;
    }

    /** A dark outline on a light fill, a light one on a dark fill. */
    private static int outlineColour(int fill) {
        boolean light = luma(fill) > 110;
        int result = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int c = (fill >> shift) & 0xff;
            int o = light ? (int) (c * 0.3) : c + (int) ((255 - c) * 0.65);
            result |= o << shift;
        }
        return result;
    }

    /** Blends the coloured sprite into the canvas at {@code (x0, y0)} by its coverage. */
    private void composite(int[] pixels, ShapeSprite sprite, int x0, int y0, int fill, int outline,
            double shading, double shadingAngle) {
        double half = Math.max(1, Math.max(sprite.boxWidth(), sprite.boxHeight()) / 2.0);
        double cx = (sprite.minX + sprite.maxX) / 2.0;
        double cy = (sprite.minY + sprite.maxY) / 2.0;
        double ux = Math.cos(shadingAngle) / half;
        double uy = Math.sin(shadingAngle) / half;
        for (int y = sprite.minY; y <= sprite.maxY; y++) {
            int row = (y0 + y) * width + x0;
            for (int x = sprite.minX; x <= sprite.maxX; x++) {
                int p = sprite.argb[y * sprite.width + x];
                int alpha = p >>> 24;
                if (alpha == 0) {
                    continue;
                }
                int fillWeight = (p >> 16) & 0xff;
                int outlineWeight = (p >> 8) & 0xff;
                int weights = Math.max(1, fillWeight + outlineWeight);
                double shade = 1 + shading * ((x - cx) * ux + (y - cy) * uy);
                int dst = pixels[row + x];
                int result = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double f = Math.min(255, ((fill >> shift) & 0xff) * shade);
                    double src = (f * fillWeight + ((outline >> shift) & 0xff) * outlineWeight) / weights;
                    int d = (dst >> shift) & 0xff;
                    int c = (int) Math.round(d + (src - d) * alpha / 255.0);
                    result |= c << shift;
                }
                pixels[row + x] = result;
            }
        }
    }

    private static double distance(int a, int b) {
        double dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        double dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        double db = (a & 0xff) - (b & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    }

    private static int pick(List<Double> weights, SplittableRandom random) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        double u = random.nextDouble() * sum;
        int last = 0;
        for (int i = 0; i < weights.size(); i++) {
            double weight = weights.get(i);
            if (weight > 0) {
                last = i;
                if (u < weight) {
                    return i;
                }
                u -= weight;
            }
        }
        return last;
    }

    private static Background pick(Map<Background, Double> mix, SplittableRandom random) {
        List<Double> weights = new ArrayList<>();
        for (Background kind : Background.values()) {
            weights.add(mix.getOrDefault(kind, 0.0));
        }
        return Background.values()[pick(weights, random)];
    }
}
