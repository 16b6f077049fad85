package io.acai.scenes;

import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.records.csv.CsvValues;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A drift on real photos, named on the command line ({@code --data-drift}): what the camera does to them once the
 * drift starts, through the scenes' own {@link CameraEffects} and {@link Lighting}, or a shift in the class mix.
 * <ul>
 *   <li>{@code night}: {@link #NIGHT_LIGHTING} (darker, flatter, washed out, blue cast) and sensor noise of
 *       {@value #NIGHT_NOISE} levels;</li>
 *   <li>{@code noise}: sensor noise of {@value #NOISE_SIGMA} levels (of 255) on each channel;</li>
 *   <li>{@code blur}: a box blur of radius {@value #BLUR_RADIUS} pixels (a soft lens);</li>
 *   <li>{@code classes:a,b}: no change to the pixels; before the drift the edge serves the photos holding none of
 *       the named classes, after it only those holding one of them.</li>
 * </ul>
 * The noise of a frame is seeded by its index, so an edge and its static control see the same pixels.
 *
 * @param name      the name as given
 * @param lighting  exposure after the drift
 * @param noise     noise sigma after the drift, in 8-bit levels
 * @param blur      blur radius after the drift, in pixels
 * @param classes   for a class-mix drift, the classes the drift brings (model class names); empty otherwise
 */
public record PhotoDrift(String name, Lighting lighting, double noise, int blur, Set<String> classes) {

    /** Night for photos: darker than the scenes' {@link Lighting#NIGHT}, since real photos vary more. */
    public static final Lighting NIGHT_LIGHTING = new Lighting(0.4, 0.75, 0.6, 0.85, 0.95, 1.2);
    public static final double NIGHT_NOISE = 10;
    public static final double NOISE_SIGMA = 30;
    public static final int BLUR_RADIUS = 3;
    /** What {@link #parse} accepts, for messages. */
    public static final String CHOICES = "night, noise, blur or classes:NAME[,NAME...]";

    public PhotoDrift {
        classes = Set.copyOf(classes);
    }

    /**
     * The drift called {@code value}; class names are checked against the model's {@code names}.
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static PhotoDrift parse(String value, ClassNames names) {
        String v = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "night":
                return new PhotoDrift(v, NIGHT_LIGHTING, NIGHT_NOISE, 0, Set.of());
            case "noise":
                return new PhotoDrift(v, Lighting.DAY, NOISE_SIGMA, 0, Set.of());
            case "blur":
                return new PhotoDrift(v, Lighting.DAY, 0, BLUR_RADIUS, Set.of());
            default:
                break;
        }
        if (!v.startsWith("classes:")) {
            throw new IllegalArgumentException("--data-drift : " + value + " (expected: " + CHOICES + ")");
        }
        List<String> wanted;
        try {
            wanted = CsvValues.parse(value.trim().substring("classes:".length())).stream()
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--data-drift : " + e.getMessage(), e);
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--data-drift : " + value + " names no class (expected: "
                    + CHOICES + ")");
        }
        for (String name : wanted) {
            if (!names.asList().contains(name)) {
                throw new IllegalArgumentException("--data-drift : " + value + ": class '" + name
                        + "' is not one of the model's " + names.size() + " classes");
            }
        }
        return new PhotoDrift(v, Lighting.DAY, 0, 0, wanted.stream().collect(Collectors.toSet()));
    }

    /** Whether this drift changes which photos are served rather than their pixels. */
    public boolean classMix() {
        return !classes.isEmpty();
    }

    /** Whether a photo with these objects belongs to the drifted class mix. */
    public boolean drifted(LabeledFrame frame) {
        return frame.objects().stream().anyMatch(o -> classes.contains(o.className()));
    }

    /** The photo as the drifted camera records it ({@code frame} itself for a class-mix drift). */
    public LabeledFrame apply(LabeledFrame frame, long index) {
        if (classMix()) {
            return frame;
        }
        BufferedImage image = frame.image();
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        BufferedImage recorded = CameraEffects.record(rgb, width, height, blur, lighting, noise,
                new SplittableRandom(index * 0x9E3779B97F4A7C15L + 1));
        return new LabeledFrame(frame.id() + "@" + name, recorded, frame.objects());
    }

    @Override
    public String toString() {
        return name;
    }
}
