package io.acai.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
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

    /**
     * The term, per image of the batch: the squared differences between the heads and the teacher's
     * ({@code taught}, no gradient) on the distilled images ({@code distilled}: 1 for those, 0 for the others).
     */
    static NDArray term(NDList heads, NDList taught, float[] distilled, int classes, float weight) {
        int n = distilled.length;
        int channels = 5 + classes;
        NDArray mask = heads.get(0).getManager().create(distilled, new Shape(n, 1, 1, 1, 1))
                .toDevice(heads.get(0).getDevice(), false);
        NDArray sum = null;
        for (int h = 0; h < heads.size(); h++) {
            Shape shape = heads.get(h).getShape();
            Shape split = new Shape(n, shape.get(1) / channels, channels, shape.get(2), shape.get(3));
            NDArray s = heads.get(h).reshape(split);
            NDArray t = taught.get(h).stopGradient().reshape(split);
            NDArray xy = Activation.sigmoid(s.get(":, :, 0:2")).sub(Activation.sigmoid(t.get(":, :, 0:2"))).square();
            NDArray wh = s.get(":, :, 2:4").sub(t.get(":, :, 2:4")).square()
                    .mul(Activation.sigmoid(t.get(":, :, 4:5")));
            NDArray rest = Activation.sigmoid(s.get(":, :, 4:")).sub(Activation.sigmoid(t.get(":, :, 4:"))).square();
            NDArray head = xy.sum(new int[] {2}, true).add(wh.sum(new int[] {2}, true))
                    .add(rest.sum(new int[] {2}, true)).mul(mask).sum();
            sum = sum == null ? head : sum.add(head);
        }
        return sum.mul(weight).div(n);
    }
}
