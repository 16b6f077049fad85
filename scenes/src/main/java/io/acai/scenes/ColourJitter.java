package io.acai.scenes;

import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Darknet's photometric augmentation ({@code random_distort_image}, the {@code hue}, {@code saturation} and
 * {@code exposure} keys of a YOLO cfg's {@code [net]} section): each image gets its own hue shift drawn
 * uniformly from {@code ±hue} (a fraction of the colour wheel), and its saturation and value (HSV) multiplied
 * by a scale drawn uniformly from {@code 1..saturation} (and {@code 1..exposure}), or by its inverse, each with
 * probability one half. {@code yolov3-tiny.cfg} trains with {@code 0.1, 1.5, 1.5}. Boxes do not move.
 *
 * @param hue largest hue shift, 0..0.5 of the wheel
 * @param saturation largest saturation scale, 1..4 (1: none)
 * @param exposure largest value scale, 1..4 (1: none)
 */
public record ColourJitter(double hue, double saturation, double exposure) {

    public ColourJitter {
        if (!(hue >= 0 && hue <= 0.5)) {
            throw new IllegalArgumentException("hue: " + hue + " (expected: 0..0.5)");
        }
        if (!(saturation >= 1 && saturation <= 4)) {
            throw new IllegalArgumentException("saturation: " + saturation + " (expected: 1..4)");
        }
        if (!(exposure >= 1 && exposure <= 4)) {
            throw new IllegalArgumentException("exposure: " + exposure + " (expected: 1..4)");
        }
    }

    /** {@code yolov3-tiny.cfg}'s values: hue 0.1, saturation 1.5, exposure 1.5. */
    public static final ColourJitter YOLOV3_TINY = new ColourJitter(0.1, 1.5, 1.5);

    /** Hue, saturation and exposure in that order, as darknet's cfg lists them (for example 0.1, 1.5, 1.5). */
    public static ColourJitter of(double... values) {
        if (values.length != 3) {
            throw new IllegalArgumentException(values.length + " values (expected: 3, hue,saturation,exposure, as"
                    + " 0.1,1.5,1.5)");
        }
        return new ColourJitter(values[0], values[1], values[2]);
    }

    /** The frame with a distortion drawn from {@code seed} (the same seed, the same distortion). */
    public LabeledFrame apply(LabeledFrame frame, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double shift = hue > 0 ? random.nextDouble(-hue, hue) : 0;
        double saturationScale = scale(random, saturation);
        double valueScale = scale(random, exposure);
        return new LabeledFrame(frame.id(), distorted(frame.image(), shift, saturationScale, valueScale),
                frame.objects());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "hue %s, saturation %s, exposure %s", hue, saturation, exposure);
    }

    private static double scale(SplittableRandom random, double max) {
        double scale = max > 1 ? random.nextDouble(1, max) : 1;
        return random.nextBoolean() ? scale : 1 / scale;
    }

    /** A {@code TYPE_3BYTE_BGR} copy of the image with its hue shifted and saturation and value scaled. */
    static BufferedImage distorted(BufferedImage image, double hueShift, double saturationScale, double valueScale) {
        BufferedImage bgrImage = image;
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgrImage = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgrImage.getGraphics().drawImage(image, 0, 0, null);
        }
        byte[] in = ((DataBufferByte) bgrImage.getRaster().getDataBuffer()).getData();
        BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = ((DataBufferByte) result.getRaster().getDataBuffer()).getData();
        for (int o = 0; o < in.length; o += 3) {
            double b = (in[o] & 0xff) / 255.0;
            double g = (in[o + 1] & 0xff) / 255.0;
            double r = (in[o + 2] & 0xff) / 255.0;
            double max = Math.max(r, Math.max(g, b));
            double min = Math.min(r, Math.min(g, b));
            double delta = max - min;
            double h = 0;
            if (delta > 0) {
                if (max == r) {
                    h = ((g - b) / delta) / 6;
                } else if (max == g) {
                    h = ((b - r) / delta + 2) / 6;
                } else {
                    h = ((r - g) / delta + 4) / 6;
                }
            }
            double s = max > 0 ? delta / max : 0;
            h = h + hueShift;
            h -= Math.floor(h);
            s = Math.min(1, s * saturationScale);
            double v = Math.min(1, max * valueScale);
            double sector = h * 6;
            int i = (int) sector % 6;
            double f = sector - Math.floor(sector);
            double p = v * (1 - s);
            double q = v * (1 - s * f);
            double t = v * (1 - s * (1 - f));
            double[] rgb = switch (i) {
                case 0 -> new double[] {v, t, p};
                case 1 -> new double[] {q, v, p};
                case 2 -> new double[] {p, v, t};
                case 3 -> new double[] {p, q, v};
                case 4 -> new double[] {t, p, v};
                default -> new double[] {v, p, q};
            };
            out[o] = (byte) Math.round(rgb[2] * 255);
            out[o + 1] = (byte) Math.round(rgb[1] * 255);
            out[o + 2] = (byte) Math.round(rgb[0] * 255);
        }
        return result;
    }
}
