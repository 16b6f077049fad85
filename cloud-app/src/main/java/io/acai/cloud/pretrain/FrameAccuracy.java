package io.acai.cloud.pretrain;

import io.acai.dataset.metrics.ClassListJudge;
import io.acai.detection.Detection;
import io.acai.detection.LabeledFrame;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import java.util.List;
import java.util.Locale;

/**
 * The share of held-out scenes the edges' default rule ({@link ClassListJudge}, {@code --judge classes}) judges
 * right, at each of {@link #THRESHOLDS}: the detector runs once at its own low threshold, and a threshold keeps
 * the detections at or above it (non-maximum suppression never lets a weaker box remove a stronger one, so this
 * is what a detector run at that threshold reports).
 */
final class FrameAccuracy {

    /** The confidence thresholds reported, the edges' {@code --conf}. */
    static final List<Float> THRESHOLDS = List.of(0.8f, 0.6f, 0.5f, 0.4f, 0.3f);

    private FrameAccuracy() {
    }

    /** Right frames per threshold, in {@link #THRESHOLDS} order, over frames {@code 0..n-1} of the stream. */
    static int[] measure(OpenCvDetector detector, long seed, SceneStyle style, int n) {
        SceneGenerator scenes = new SceneGenerator(seed, style);
        ClassListJudge judge = new ClassListJudge();
        int[] right = new int[THRESHOLDS.size()];
        for (int i = 0; i < n; i++) {
            LabeledFrame frame = scenes.frame(i);
            List<Detection> all = detector.detect(frame.image());
            for (int t = 0; t < right.length; t++) {
                float threshold = THRESHOLDS.get(t);
                List<Detection> kept = all.stream().filter(d -> d.confidence() >= threshold).toList();
                right[t] += judge.correct(kept, frame.objects()) ? 1 : 0;
            }
        }
        return right;
    }

    /** {@code <name> (frames 0-199 of seed <seed>): frame accuracy at conf 0.8 0.310, 0.6 0.400, ...}. */
    static String describe(String name, long seed, int[] right, int n) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s (frames 0-%d of seed %d): frame accuracy at conf", name, n - 1, seed));
        for (int t = 0; t < right.length; t++) {
            line.append(String.format(Locale.ROOT, "%s %.1f %.3f", t == 0 ? "" : ",", THRESHOLDS.get(t),
                    (double) right[t] / n));
        }
        return line.toString();
    }
}
