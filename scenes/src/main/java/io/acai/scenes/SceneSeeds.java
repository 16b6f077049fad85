package io.acai.scenes;

import java.nio.charset.StandardCharsets;

/** Seed arithmetic: one independent seed per frame, and a seed from a camera's name. */
final class SceneSeeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SceneSeeds() {
    }

    /** The seed of frame {@code index} of the stream seeded with {@code seed} (SplitMix64 finaliser). */
    static long frame(long seed, long index) {
        return mix(seed + (index + 1) * GOLDEN_GAMMA);
    }

    /** Drift scenarios draw their frames from their seed mixed with this ("SCENARIO" in ASCII). */
    static final long SCENARIO_SALT = 0x5343454E4152494FL;

    /**
     * The stream a drift scenario seeded with {@code seed} draws from: not {@code seed} itself, so that the
     * frames an edge judges are never those of a {@link SceneGenerator} with the same seed (the default model's
     * training and evaluation scenes, the cloud's replay scenes).
     */
    static long scenario(long seed) {
        return mix(seed ^ SCENARIO_SALT);
    }

    /** A well-spread 64-bit seed from a name (FNV-1a over its UTF-8 bytes, then mixed). */
    static long of(String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
