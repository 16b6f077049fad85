package io.acai.scenes;

/**
 * How a camera's exposure maps drawn colours to recorded ones: contrast about mid-grey, then
 * saturation, overall brightness and a per-channel colour cast. {@link #DAY} is the identity.
 *
 * @param brightness gain on every channel (1: unchanged)
 * @param contrast gain on the distance from mid-grey (1: unchanged, below 1: flatter)
 * @param saturation gain on the distance from the pixel's grey value (1: unchanged, 0: grey)
 * @param red extra gain on red (colour cast)
 * @param green extra gain on green
 * @param blue extra gain on blue
 */
public record Lighting(double brightness, double contrast, double saturation, double red, double green,
        double blue) {

    /** Daylight: colours recorded as drawn. */
    public static final Lighting DAY = new Lighting(1, 1, 1, 1, 1, 1);

    /**
     * Night under street lights: darker, flatter, washed-out colours with a blue cast; objects stay
     * visible. (Mild enough that a few retrain rounds recover much of the accuracy the default model
     * loses: see docs/default-model.md.)
     */
    public static final Lighting NIGHT = new Lighting(0.55, 0.8, 0.7, 0.88, 0.95, 1.15);

    public Lighting {
        check("brightness", brightness, 0.01, 4);
        check("contrast", contrast, 0.05, 4);
        check("saturation", saturation, 0, 4);
        check("red", red, 0, 4);
        check("green", green, 0, 4);
        check("blue", blue, 0, 4);
    }

    /** The lighting {@code t} of the way from this one to {@code other} (0: this, 1: other). */
    public Lighting blend(Lighting other, double t) {
        return new Lighting(lerp(brightness, other.brightness, t), lerp(contrast, other.contrast, t),
                lerp(saturation, other.saturation, t), lerp(red, other.red, t), lerp(green, other.green, t),
                lerp(blue, other.blue, t));
    }

    /** This lighting with brightness multiplied by {@code factor}. */
    Lighting brighter(double factor) {
        return new Lighting(brightness * factor, contrast, saturation, red, green, blue);
    }

    /** The 8-bit output of one channel for an 8-bit input after saturation, given the channel's cast. */
    int[] table(double cast) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            double x = ((v / 255.0 - 0.5) * contrast + 0.5) * brightness * cast;
            table[v] = (int) Math.max(0, Math.min(255, Math.round(x * 255)));
        }
        return table;
    }

    static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static void check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("lighting " + field + ": " + value
                    + " (expected: " + min + ".." + max + ")");
        }
    }
}
