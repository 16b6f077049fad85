package io.acai.cloud.holdout;

import io.acai.dataset.metrics.FrameJudge;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the cloud scores each model version on its held-out frames: how many frames of each style, and the edges'
 * judgement (judge, confidence threshold, NMS IoU). The defaults are the edge app's own ({@code --judge classes},
 * {@code --conf 0.8}, {@code --nms 0.3}), so that a cloud and edges started without options judge alike; the
 * launcher passes the edges' values when its config sets them.
 *
 * @param frames     frames of each style; 0 turns scoring off
 * @param judge      {@code classes} or {@code iou} ({@link FrameJudge#named})
 * @param confidence the edges' confidence threshold, 0..1
 * @param nms        the edges' NMS IoU, 0..1
 * @param data       a YOLO or VOC dataset whose held-out photos ({@link io.acai.dataset.DatasetSplit}, which no
 *                   edge serves) replace the synthetic scenes ({@code --holdout-data}); at most {@code frames} of
 *                   them are used
 * @param drift      with {@code data}, the edges' drift ({@code --holdout-drift}, as their {@code --data-drift}):
 *                   the drift style is the held-out photos with it
 */
public record HoldoutSettings(int frames, String judge, float confidence, float nms, Optional<Path> data,
                              Optional<String> drift) {

    /** {@code --holdout-frames}: frames of each style. */
    public static final int DEFAULT_FRAMES = 60;
    /** The most frames of each style (a letterboxed 192x192 frame is 108 KiB in memory). */
    public static final int MAX_FRAMES = 1000;
    /** {@code --holdout-judge}: the edge app's {@code --judge} default. */
    public static final String DEFAULT_JUDGE = "classes";
    /** {@code --holdout-conf}: the edge app's {@code --conf} default. */
    public static final float DEFAULT_CONFIDENCE = 0.8f;
    /** {@code --holdout-nms}: the edge app's {@code --nms} default. */
    public static final float DEFAULT_NMS = 0.3f;

    public static final HoldoutSettings DEFAULT = new HoldoutSettings(DEFAULT_FRAMES, DEFAULT_JUDGE, DEFAULT_CONFIDENCE,
            DEFAULT_NMS);

    /** Scoring on the synthetic scenes. */
    public HoldoutSettings(int frames, String judge, float confidence, float nms) {
        this(frames, judge, confidence, nms, Optional.empty(), Optional.empty());
    }

    public HoldoutSettings {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(drift, "drift");
        if (drift.isPresent() && data.isEmpty()) {
            throw new IllegalArgumentException("--holdout-drift : " + drift.get() + " applies to the photos of "
                    + "--holdout-data (expected: --holdout-data DIR with it)");
        }
        if (frames < 0 || frames > MAX_FRAMES) {
            throw new IllegalArgumentException("--holdout-frames : " + frames + " (expected: 0 to turn scoring off, or"
                    + " 1.." + MAX_FRAMES + ")");
        }
        try {
            FrameJudge.named(judge);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--holdout-judge : " + judge + " (expected: classes or iou)", e);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("--holdout-conf : " + confidence + " (expected: 0..1)");
        }
        if (!(nms >= 0 && nms <= 1)) {
            throw new IllegalArgumentException("--holdout-nms : " + nms + " (expected: an IoU in 0..1)");
        }
    }

    /** Whether the cloud scores its versions at all. */
    public boolean enabled() {
        return frames > 0;
    }

    public FrameJudge frameJudge() {
        return FrameJudge.named(judge);
    }
}
