package io.acai.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.acai.detection.darknet.YoloLayer;
import io.acai.detection.darknet.YoloLayer.Anchor;
import java.util.List;

/**
 * The YOLOv3 loss of raw heads against {@link YoloTargets}, summed over cells, anchors and
 * channels and divided by the batch size. With {@code t} the head's raw outputs, {@code obj} 1 on
 * the (cell, anchor) slots an object was assigned to, {@code k = 2 - w * h} its box weight and
 * {@code BCE(t, z) = max(t, 0) - t z + log(1 + exp(-|t|))} (binary cross-entropy on logits):
 * <ul>
 *   <li>box: {@code obj * k * [BCE(tx, x) + BCE(ty, y) + (tw - log(w / anchor w))^2 + (th - log(h / anchor h))^2]},
 *       the centre through the sigmoid, the size in log space;</li>
 *   <li>objectness: {@code obj * BCE(to, 1) + (1 - obj) * (1 - ignore) * BCE(to, 0)}, where
 *       {@code ignore} marks predictions whose decoded box already overlaps some object with IoU
 *       above the layer's {@code ignore_thresh} (off when {@code useIgnore} is false);</li>
 *   <li>classes: {@code obj * sum over classes of BCE(tc, onehot)}.</li>
 * </ul>
 * The ignore mask is computed without gradient. All arrays are created on the heads' manager and
 * device; close that manager after the step.
 */
public final class YoloLoss {

    private final boolean useIgnore;

    public YoloLoss(boolean useIgnore) {
        this.useIgnore = useIgnore;
    }

    /** The loss with darknet's ignore rule on. */
    public YoloLoss() {
        this(true);
    }

    /** The three terms of one evaluation, each a scalar already divided by the batch size. */
    public record Terms(NDArray box, NDArray objectness, NDArray classes) {

        public NDArray total() {
            return box.add(objectness).add(classes);
        }
    }

    /** The total loss, a scalar. */
    public NDArray evaluate(NDList heads, List<YoloTargets> targets) {
        return terms(heads, targets).total();
    }

    /**
     * The loss by term.
     *
     * @throws IllegalArgumentException when heads and targets do not correspond
     */
    public Terms terms(NDList heads, List<YoloTargets> targets) {
        if (heads.size() != targets.size()) {
            throw new IllegalArgumentException(heads.size() + " heads, but targets for " + targets.size());
        }
        NDArray box = null;
        NDArray objectness = null;
        NDArray classes = null;
        for (int h = 0; h < heads.size(); h++) {
            Terms one = head(heads.get(h), targets.get(h));
            box = box == null ? one.box() : box.add(one.box());
            objectness = objectness == null ? one.objectness() : objectness.add(one.objectness());
            classes = classes == null ? one.classes() : classes.add(one.classes());
        }
        return new Terms(box, objectness, classes);
    }

    private Terms head(NDArray head, YoloTargets target) {
        int n = target.batch();
        int a = target.anchors();
        int gh = target.gridHeight();
        int gw = target.gridWidth();
        int classCount = target.layer().classes();
        Shape expected = new Shape(n, (long) a * (5 + classCount), gh, gw);
        if (!head.getShape().equals(expected)) {
            throw new IllegalArgumentException("head shape " + head.getShape() + " (expected: " + expected
                    + " for the targets)");
        }
        NDManager manager = head.getManager();
        NDArray p = head.reshape(n, a, 5 + classCount, gh, gw);
        NDArray t = manager.create(target.values(), new Shape(n, a, target.channels(), gh, gw))
                .toDevice(head.getDevice(), false);
        NDArray object = t.get(":, :, {}", YoloTargets.OBJECT);
        NDArray weight = object.mul(t.get(":, :, {}", YoloTargets.BOX_SCALE)).expandDims(2);

        NDArray xy = bce(p.get(":, :, 0:2"), t.get(":, :, 0:2")).mul(weight).sum();
        NDArray wh = p.get(":, :, 2:4").sub(t.get(":, :, 2:4")).square().mul(weight).sum();

        NDArray objectLogit = p.get(":, :, 4");
        NDArray background = object.neg().add(1);
        if (useIgnore) {
            background = background.mul(notIgnored(p, target, manager));
        }
        NDArray objectnessLoss = bce(objectLogit, object).mul(object)
                .add(bce(objectLogit, manager.zeros(object.getShape(), DataType.FLOAT32, head.getDevice()))
                        .mul(background))
                .sum();
        NDArray classLoss = bce(p.get(":, :, 5:"), t.get(":, :, 6:")).mul(object.expandDims(2)).sum();
        return new Terms(xy.add(wh).div(n), objectnessLoss.div(n), classLoss.div(n));
    }

    /** 0 where the decoded prediction overlaps an object with IoU above ignore_thresh, else 1; no gradient. */
    private static NDArray notIgnored(NDArray p, YoloTargets target, NDManager manager) {
        YoloLayer layer = target.layer();
        int n = target.batch();
        int a = target.anchors();
        int gh = target.gridHeight();
        int gw = target.gridWidth();
        NDArray raw = p.get(":, :, 0:4").stopGradient();
        float s = (float) layer.scaleXY();
        NDArray gridX = manager.arange(0f, gw, 1f).reshape(1, 1, 1, gw).toDevice(p.getDevice(), false);
        NDArray gridY = manager.arange(0f, gh, 1f).reshape(1, 1, gh, 1).toDevice(p.getDevice(), false);
        float[] anchorW = new float[a];
        float[] anchorH = new float[a];
        List<Anchor> anchors = layer.maskedAnchors();
        for (int i = 0; i < a; i++) {
            anchorW[i] = anchors.get(i).width();
            anchorH[i] = anchors.get(i).height();
        }
        NDArray aw = manager.create(anchorW, new Shape(1, a, 1, 1)).toDevice(p.getDevice(), false);
        NDArray ah = manager.create(anchorH, new Shape(1, a, 1, 1)).toDevice(p.getDevice(), false);
        float cellWidth = target.inputWidth() / (float) gw;
        float cellHeight = target.inputHeight() / (float) gh;
        NDArray cx = sigmoid(raw.get(":, :, 0")).mul(s).sub((s - 1) / 2).add(gridX).mul(cellWidth);
        NDArray cy = sigmoid(raw.get(":, :, 1")).mul(s).sub((s - 1) / 2).add(gridY).mul(cellHeight);
        NDArray w = raw.get(":, :, 2").clip(-10, 10).exp().mul(aw);
        NDArray h = raw.get(":, :, 3").clip(-10, 10).exp().mul(ah);
        long cells = (long) a * gh * gw;
        NDArray px1 = cx.sub(w.div(2)).reshape(n, cells, 1);
        NDArray py1 = cy.sub(h.div(2)).reshape(n, cells, 1);
        NDArray px2 = cx.add(w.div(2)).reshape(n, cells, 1);
        NDArray py2 = cy.add(h.div(2)).reshape(n, cells, 1);
        int g = target.maxTruths();
        NDArray truths = manager.create(target.truths(), new Shape(n, g, 4)).toDevice(p.getDevice(), false);
        NDArray tx1 = truths.get(":, :, 0").reshape(n, 1, g);
        NDArray ty1 = truths.get(":, :, 1").reshape(n, 1, g);
        NDArray tx2 = truths.get(":, :, 2").reshape(n, 1, g);
        NDArray ty2 = truths.get(":, :, 3").reshape(n, 1, g);
        NDArray iw = px2.minimum(tx2).sub(px1.maximum(tx1)).maximum(0f);
        NDArray ih = py2.minimum(ty2).sub(py1.maximum(ty1)).maximum(0f);
        NDArray intersection = iw.mul(ih);
        NDArray union = px2.sub(px1).mul(py2.sub(py1)).add(tx2.sub(tx1).mul(ty2.sub(ty1))).sub(intersection);
        NDArray best = intersection.div(union.add(1e-9f)).max(new int[] {2}).reshape(n, a, gh, gw);
        return best.lte((float) layer.ignoreThresh()).toType(DataType.FLOAT32, false);
    }

    /** Binary cross-entropy of logits {@code x} against targets {@code z}, elementwise, numerically stable. */
    static NDArray bce(NDArray x, NDArray z) {
        return x.maximum(0f).sub(x.mul(z)).add(x.abs().neg().exp().add(1f).log());
    }

    private static NDArray sigmoid(NDArray x) {
        return ai.djl.nn.Activation.sigmoid(x);
    }
}
