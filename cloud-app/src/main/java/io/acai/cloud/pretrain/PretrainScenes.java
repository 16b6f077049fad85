package io.acai.cloud.pretrain;

import io.acai.detection.LabeledFrame;
import io.acai.scenes.ColourJitter;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import java.util.AbstractList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The training scenes of {@code pretrain --seed S}: frames {@code 0..n-1} drawn from the stream seeded with
 * {@link #streamSeed}{@code (S)}, the seed a drift scenario takes from the camera name {@code pretrain-S}.
 * The stream is not {@code SceneGenerator(S)}: an experiment with {@code experiment.seed S} gives its edges
 * {@code DriftScenario} seed S, whose pre-drift frames are exactly {@code SceneGenerator(S, PRE_DRIFT)}'s, so a
 * model trained on that stream would be judged on its own training scenes (this made seed 1 read 90 % before
 * the drift and seed 2 41-44 %, docs/default-model.md).
 *
 * <p>With {@code balanced} above 0, that share of the scenes (scene i is one when
 * {@code floor((i + 1) * balanced) > floor(i * balanced)}) is drawn from {@link #BALANCED}: the pre-drift
 * daylight, noise, backgrounds and sizes, but the five classes equally often, so the star, 1 % of pre-drift
 * objects, is seen often enough to be learned. Both kinds of scene use the same frame seeds.
 */
final class PretrainScenes {

    /** {@link SceneStyle#PRE_DRIFT} with equal class weights. */
    static final SceneStyle BALANCED = SceneStyle.PRE_DRIFT.withClassWeights(1, 1, 1, 1, 1);

    private PretrainScenes() {
    }

    /** The seed of the training stream of {@code pretrain --seed seed}. */
    static long streamSeed(long seed) {
        return DriftScenario.seedOf("pretrain-" + seed);
    }

    /** Whether training scene {@code index} is drawn from {@link #BALANCED}. */
    static boolean balancedScene(int index, double balanced) {
        return Math.floor((index + 1) * balanced) > Math.floor(index * balanced);
    }

    /** The {@code n} training scenes of {@code pretrain --seed seed --balanced balanced}, each rendered once. */
    static List<LabeledFrame> of(long seed, int n, double balanced) {
        return of(seed, n, balanced, 0);
    }

    /**
     * The training scenes with a share {@code drift} of them drawn from {@link SceneStyle#DRIFT} instead (scene i
     * when a draw seeded with the stream and i falls below it): not how the shipped model is trained, which sees
     * no drift, but how to measure what the network can hold of both styles at once (docs/default-model.md).
     */
    static List<LabeledFrame> of(long seed, int n, double balanced, double drift) {
        if (!(balanced >= 0 && balanced <= 1)) {
            throw new IllegalArgumentException("--balanced: " + balanced + " (expected: 0..1)");
        }
        if (!(drift >= 0 && drift <= 1)) {
            throw new IllegalArgumentException("--drift: " + drift + " (expected: 0..1)");
        }
        long stream = streamSeed(seed);
        SceneGenerator preDrift = new SceneGenerator(stream, SceneStyle.PRE_DRIFT);
        SceneGenerator even = new SceneGenerator(stream, BALANCED);
        SceneGenerator night = new SceneGenerator(stream, SceneStyle.DRIFT);
        return rendered(n, index -> {
            if (drift > 0 && new SplittableRandom(stream + index).nextDouble() < drift) {
                return night.frame(index);
            }
            return (balancedScene(index, balanced) ? even : preDrift).frame(index);
        });
    }

    /**
     * The scenes as pass {@code pass} sees them with darknet's colour augmentation: each scene distorted by a
     * draw from the seed, the pass and its index, so every pass distorts every scene anew (as darknet does).
     */
    static List<LabeledFrame> jittered(List<LabeledFrame> scenes, ColourJitter jitter, long seed, int pass) {
        long passSeed = new SplittableRandom(seed * 31 + pass).nextLong();
        return new AbstractList<>() {
            @Override
            public LabeledFrame get(int index) {
                return jitter.apply(scenes.get(index), passSeed + index * 0x9E3779B97F4A7C15L);
            }

            @Override
            public int size() {
                return scenes.size();
            }
        };
    }

    /** Scenes 0 to n - 1 of the generator, each rendered when first read and kept (230 kB a 320x240 scene). */
    static List<LabeledFrame> of(SceneGenerator generator, int n) {
        return rendered(n, generator::frame);
    }

    private static List<LabeledFrame> rendered(int n, java.util.function.IntFunction<LabeledFrame> render) {
        AtomicReferenceArray<LabeledFrame> kept = new AtomicReferenceArray<>(n);
        return new AbstractList<>() {
            @Override
            public LabeledFrame get(int index) {
                LabeledFrame frame = kept.get(index);
                if (frame == null) {
                    frame = render.apply(index);
                    kept.set(index, frame);
                }
                return frame;
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
