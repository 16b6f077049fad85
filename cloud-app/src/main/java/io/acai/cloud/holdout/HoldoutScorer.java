package io.acai.cloud.holdout;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.dataset.metrics.MeanAveragePrecision;
import io.acai.detection.ClassNames;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.OpenCvDetector;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Scores a model version on a {@link HoldoutSet} the way an edge judges its frames: the edge's detector (OpenCV DNN,
 * one thread here), the edges' confidence threshold and NMS IoU, and their {@link FrameJudge}. The same forward pass
 * also ranks every detection down to {@link #MAP_CONFIDENCE} for mAP@0.5, as the pretrain evaluation does
 * (docs/default-model.md). One scorer is used by one thread at a time.
 */
public final class HoldoutScorer {

    /** The lowest confidence ranked for mAP@0.5 (the pretrain evaluation's). */
    public static final float MAP_CONFIDENCE = 0.005f;

    private final HoldoutSettings settings;
    private final FrameJudge judge;
    private final byte[] cfg;
    private final ClassNames names;

    /**
     * @param cfg   the network's darknet cfg
     * @param names its class names, the scenes' classes in their order
     */
    public HoldoutScorer(HoldoutSettings settings, byte[] cfg, ClassNames names) {
        this.settings = settings;
        this.judge = settings.frameJudge();
        this.cfg = cfg.clone();
        this.names = names;
    }

    /**
     * Loads {@code weights} into a detector of its own and scores them on both styles.
     *
     * @param label names the model in messages, for example {@code model v3}
     * @throws IOException when OpenCV cannot load the weights
     */
    public Map<HoldoutStyle, HoldoutScore> score(String label, byte[] weights, HoldoutSet set) throws IOException {
        DetectorSettings detector = new DetectorSettings(settings.confidence(), settings.nms(), 1);
        float rank = Math.min(MAP_CONFIDENCE, settings.confidence());
        Map<HoldoutStyle, HoldoutScore> scores = new EnumMap<>(HoldoutStyle.class);
        try (OpenCvDetector model = OpenCvDetector.load(label, cfg, weights, names, detector)) {
            for (HoldoutStyle style : HoldoutStyle.values()) {
                int correct = 0;
                MeanAveragePrecision map = new MeanAveragePrecision();
                for (HoldoutFrame frame : set.frames(style)) {
                    float[][] heads = model.forward(frame.tensor());
                    if (judge.correct(model.detections(heads, frame.letterbox(), settings.confidence()),
                            frame.objects())) {
                        correct++;
                    }
                    map.add(model.detections(heads, frame.letterbox(), rank), frame.objects());
                }
                scores.put(style, new HoldoutScore(set.frames(style).size(), correct, map.result().map()));
            }
        }
        return scores;
    }
}
