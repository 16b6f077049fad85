package io.acai.training;

import io.acai.detection.LabeledFrame;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Knowledge distillation for a retraining: on the given frames (for example the anchors, frames of the
 * model's own training distribution) the trained network's heads are also pulled towards a teacher's (for
 * example the first model's), so that what it answered there changes less. The term, added to the
 * {@link YoloLoss} per image, is {@code weight} times the sum over the heads' cells of the squared
 * differences of the sigmoids of x, y, objectness and class logits, and of the raw w and h weighted by
 * the teacher's objectness (see {@link DetectorTrainer}). The teacher normalises as the trained network does while
 * training: with the batch's statistics, or with its running ones where {@link TrainingSettings#fixedBatchNorm()}.
 *
 * @param teacherWeights the teacher's darknet weights, for the trainer's cfg
 * @param frames the frames distilled, by identity
 * @param weight the term's weight, {@code > 0} and finite
 */
public record Distillation(byte[] teacherWeights, Set<LabeledFrame> frames, float weight) {

    public Distillation {
        if (teacherWeights == null) {
            throw new NullPointerException("teacherWeights");
        }
        if (!(weight > 0) || Float.isInfinite(weight)) {
            throw new IllegalArgumentException("weight: " + weight + " (expected: > 0 and finite)");
        }
        Set<LabeledFrame> byIdentity = Collections.newSetFromMap(new IdentityHashMap<>());
        byIdentity.addAll(frames);
        frames = Collections.unmodifiableSet(byIdentity);
    }

    /** Distils these frames (by identity) against the teacher's weights. */
    public static Distillation of(byte[] teacherWeights, Collection<LabeledFrame> frames, float weight) {
        return new Distillation(teacherWeights, Set.copyOf(frames), weight);
    }
}
