package io.acai.cloud.pretrain;

import io.acai.dataset.metrics.MeanAveragePrecision;
import io.acai.detection.LabeledFrame;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import java.util.Locale;

/**
 * mAP@0.5 of a detector on held-out synthetic scenes: the frames {@code 0..n-1} of
 * {@code SceneGenerator(seed, style)}, run through the edge's OpenCV detector exactly as an edge
 * runs it. The pretrain command evaluates on {@link #HELD_OUT_SEED_OFFSET} added to its training
 * seed, a stream the model never saw, once in the pre-drift style and once in the drift style.
 */
public final class SceneEvaluation {

    /** Held-out scenes use the training seed plus this. */
    public static final long HELD_OUT_SEED_OFFSET = 1_000_000L;
    /** Held-out scenes for frame accuracy use the training seed plus this. */
    public static final long FRAME_SEED_OFFSET = 2_000_000L;

    private SceneEvaluation() {
    }

    /** The mAP@0.5 of {@code detector} on {@code n} scenes of {@code style} from {@code seed}. */
    public static MeanAveragePrecision.Result evaluate(OpenCvDetector detector, long seed, SceneStyle style, int n) {
        SceneGenerator scenes = new SceneGenerator(seed, style);
        MeanAveragePrecision map = new MeanAveragePrecision();
        for (int i = 0; i < n; i++) {
            LabeledFrame frame = scenes.frame(i);
            map.add(detector.detect(frame.image()), frame.objects());
        }
        return map.result();
    }

    /** {@code <name> (held-out seed <seed>): } followed by {@link MeanAveragePrecision.Result#describe()}. */
    public static String describe(String name, long seed, MeanAveragePrecision.Result result) {
        return String.format(Locale.ROOT, "%s (held-out seed %d): ", name, seed) + result.describe();
    }
}
