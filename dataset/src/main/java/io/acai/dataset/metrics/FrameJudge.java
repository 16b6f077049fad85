package io.acai.dataset.metrics;

import io.acai.detection.Detection;
import io.acai.detection.GroundTruth;
import java.util.List;

/**
 * Decides whether a detector got one frame right; an edge uploads the frames it got wrong.
 * Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface FrameJudge {

    /** Whether {@code detections} are a right answer for a frame whose objects are {@code truth}. */
    boolean correct(List<Detection> detections, List<GroundTruth> truth);

    /** The name {@link #named} knows this judge by. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The judge called {@code name}: {@code classes} ({@link ClassListJudge}, the original
     * project's rule) or {@code iou} ({@link IouMatchJudge} at IoU 0.5).
     *
     * @throws IllegalArgumentException for any other name, naming it and the choices
     */
    static FrameJudge named(String name) {
        return switch (String.valueOf(name)) {
            case ClassListJudge.NAME -> new ClassListJudge();
            case IouMatchJudge.NAME -> new IouMatchJudge();
            default -> throw new IllegalArgumentException("judge: '" + name + "' (expected: "
                    + ClassListJudge.NAME + " or " + IouMatchJudge.NAME + ")");
        };
    }
}
