package io.acai.scenes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The distribution a synthetic camera draws its scenes from: the knobs that drift turns. Weights
 * need not sum to 1; they are normalised when drawn.
 *
 * @param classWeights relative frequency of each class among objects, in {@link SceneClasses#NAMES} order
 * @param backgrounds relative frequency of each background kind (a kind left out never occurs)
 * @param lighting the exposure every frame is recorded with
 * @param lightingJitter per-frame brightness variation, relative: brightness times {@code 1 ± jitter}
 * @param noiseSigma standard deviation of the sensor noise added to each channel, in 8-bit levels
 * @param blurRadius radius of the box blur (the lens), in pixels; 0 for none
 * @param maxObjects most objects in one frame; a frame that is not empty holds 1..maxObjects, uniformly
 * @param emptyFrames the share of frames with no object at all
 * @param minObjectSize smallest object, as a fraction of the frame's shorter side (the larger side of its box)
 * @param maxObjectSize largest object, same unit; sizes are log-uniform in between
 */
public record SceneStyle(List<Double> classWeights, Map<Background, Double> backgrounds, Lighting lighting,
        double lightingJitter, double noiseSigma, int blurRadius, int maxObjects, double emptyFrames,
        double minObjectSize, double maxObjectSize) {

    private static final Map<Background, Double> MIXED_BACKGROUNDS = Map.of(
            Background.FLAT, 0.25, Background.GRADIENT, 0.30, Background.CLUTTER, 0.25, Background.TEXTURE, 0.20);

    /**
     * The distribution the default model is trained on: daylight, little noise, no blur, and the
     * drift class (star) rare, 1 % of objects; the other four classes share the rest equally.
     */
    public static final SceneStyle PRE_DRIFT = new SceneStyle(List.of(0.2475, 0.2475, 0.2475, 0.2475, 0.01),
            MIXED_BACKGROUNDS, Lighting.DAY, 0.12, 2.0, 0, 4, 0.08, 0.10, 0.46);

    /**
     * The distribution edges meet after drift: night lighting, twice the sensor noise, and stars 40 %
     * of objects (15 % each for the others). Objects stay visible and sharp, so retraining can recover.
     */
    public static final SceneStyle DRIFT = new SceneStyle(List.of(0.15, 0.15, 0.15, 0.15, 0.40),
            MIXED_BACKGROUNDS, Lighting.NIGHT, 0.15, 4.0, 0, 4, 0.08, 0.10, 0.46);

    public SceneStyle {
        if (classWeights == null || lighting == null || backgrounds == null) {
            throw new NullPointerException("classWeights, backgrounds and lighting are required");
        }
        int classes = SceneClasses.NAMES.size();
        if (classWeights.size() != classes) {
            throw new IllegalArgumentException("classWeights: " + classWeights.size() + " weights (expected: "
                    + classes + ", one for each of " + SceneClasses.NAMES + ")");
        }
        classWeights = List.copyOf(classWeights);
        double classSum = 0;
        for (int i = 0; i < classes; i++) {
            double weight = classWeights.get(i);
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("classWeights[" + SceneClasses.NAMES.name(i) + "]: " + weight
                        + " (expected: >= 0)");
            }
            classSum += weight;
        }
        if (!(classSum > 0)) {
            throw new IllegalArgumentException("classWeights: " + classWeights + " (expected: one weight > 0)");
        }
        EnumMap<Background, Double> copy = new EnumMap<>(Background.class);
        double backgroundSum = 0;
        for (Map.Entry<Background, Double> entry : backgrounds.entrySet()) {
            double weight = entry.getValue();
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("backgrounds[" + entry.getKey() + "]: " + weight
                        + " (expected: >= 0)");
            }
            copy.put(entry.getKey(), weight);
            backgroundSum += weight;
        }
        if (!(backgroundSum > 0)) {
            throw new IllegalArgumentException("backgrounds: " + backgrounds + " (expected: one weight > 0)");
        }
        backgrounds = Map.copyOf(copy);
        range("lightingJitter", lightingJitter, 0, 0.9);
        range("noiseSigma", noiseSigma, 0, 64);
        range("blurRadius", blurRadius, 0, 8);
        range("maxObjects", maxObjects, 0, 32);
        range("emptyFrames", emptyFrames, 0, 1);
        range("minObjectSize", minObjectSize, 0.02, 0.9);
        range("maxObjectSize", maxObjectSize, minObjectSize, 0.9);
    }

    /** The normalised share of {@code shape} among objects. */
    public double classShare(SceneShape shape) {
        double sum = 0;
        for (double weight : classWeights) {
            sum += weight;
        }
        return classWeights.get(shape.id()) / sum;
    }

    /**
     * The style {@code t} of the way from this one to {@code other}: weights, lighting, noise and sizes
     * interpolated linearly, blur radius and object count rounded. {@code t} is clamped to 0..1.
     */
    public SceneStyle blend(SceneStyle other, double t) {
        double f = Math.max(0, Math.min(1, t));
        if (f == 0) {
            return this;
        }
        if (f == 1) {
            return other;
        }
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < classWeights.size(); i++) {
            weights.add(Lighting.lerp(share(classWeights, i), share(other.classWeights, i), f));
        }
        EnumMap<Background, Double> mix = new EnumMap<>(Background.class);
        double sum = sum(backgrounds.values());
        double otherSum = sum(other.backgrounds.values());
        for (Background kind : Background.values()) {
            mix.put(kind, Lighting.lerp(backgrounds.getOrDefault(kind, 0.0) / sum,
                    other.backgrounds.getOrDefault(kind, 0.0) / otherSum, f));
        }
        return new SceneStyle(weights, mix, lighting.blend(other.lighting, f),
                Lighting.lerp(lightingJitter, other.lightingJitter, f), Lighting.lerp(noiseSigma, other.noiseSigma, f),
                (int) Math.round(Lighting.lerp(blurRadius, other.blurRadius, f)),
                (int) Math.round(Lighting.lerp(maxObjects, other.maxObjects, f)),
                Lighting.lerp(emptyFrames, other.emptyFrames, f), Lighting.lerp(minObjectSize, other.minObjectSize, f),
                Lighting.lerp(maxObjectSize, other.maxObjectSize, f));
    }

    /** This style with other class weights, in {@link SceneClasses#NAMES} order. */
    public SceneStyle withClassWeights(double... weights) {
        List<Double> list = new ArrayList<>();
        for (double weight : weights) {
            list.add(weight);
        }
        return new SceneStyle(list, backgrounds, lighting, lightingJitter, noiseSigma, blurRadius, maxObjects,
                emptyFrames, minObjectSize, maxObjectSize);
    }

    /** This style with another background mix. */
    public SceneStyle withBackgrounds(Map<Background, Double> mix) {
        return new SceneStyle(classWeights, mix, lighting, lightingJitter, noiseSigma, blurRadius, maxObjects,
                emptyFrames, minObjectSize, maxObjectSize);
    }

    /** This style with other lighting and per-frame brightness jitter. */
    public SceneStyle withLighting(Lighting newLighting, double jitter) {
        return new SceneStyle(classWeights, backgrounds, newLighting, jitter, noiseSigma, blurRadius, maxObjects,
                emptyFrames, minObjectSize, maxObjectSize);
    }

    /** This style with other sensor noise and lens blur. */
    public SceneStyle withNoise(double sigma, int blur) {
        return new SceneStyle(classWeights, backgrounds, lighting, lightingJitter, sigma, blur, maxObjects,
                emptyFrames, minObjectSize, maxObjectSize);
    }

    /** This style with another object count per frame and share of empty frames. */
    public SceneStyle withObjects(int max, double empty) {
        return new SceneStyle(classWeights, backgrounds, lighting, lightingJitter, noiseSigma, blurRadius, max,
                empty, minObjectSize, maxObjectSize);
    }

    /** This style with other object sizes, as fractions of the frame's shorter side. */
    public SceneStyle withObjectSize(double min, double max) {
        return new SceneStyle(classWeights, backgrounds, lighting, lightingJitter, noiseSigma, blurRadius, maxObjects,
                emptyFrames, min, max);
    }

    private static double share(List<Double> weights, int i) {
        return weights.get(i) / sum(weights);
    }

    private static double sum(Iterable<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }

    private static void range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: " + min + ".." + max + ")");
        }
    }
}
