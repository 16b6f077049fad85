package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.acai.detection.BoundingBox;
import io.acai.detection.GroundTruth;
import io.acai.detection.Letterbox;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.YoloLayer;
import io.acai.detection.darknet.YoloLayer.Anchor;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loss of all-zero heads, computed by hand: every logit is 0, so each binary cross-entropy is
 * ln 2 whatever its target, and the size terms are the squared log ratios of the target.
 */
class YoloLossTest {

    private static final double LN2 = Math.log(2);

    @Test
    void zeroHeadsGiveTheHandComputedLoss() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        List<YoloTargets> targets = YoloTargets.build(cfg,
                List.of(YoloTargetsTest.frame(new GroundTruth(3, "cross", new BoundingBox(100, 60, 50, 50)))));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList heads = new NDList(manager.zeros(new Shape(1, 30, 12, 12)), manager.zeros(new Shape(1, 30, 24, 24)));

            YoloLoss.Terms terms = new YoloLoss(false).terms(heads, targets);

            double k = 2 - (30.0 / 192) * (30.0 / 192);
            double tw = Math.log(30.0 / 34);
            double th = Math.log(30.0 / 32);
            assertThat(terms.box().getFloat()).isCloseTo((float) (k * (2 * LN2 + tw * tw + th * th)), offset(1e-4f));
            assertThat(terms.objectness().getFloat()).isCloseTo((float) (3 * (144 + 576) * LN2), offset(1e-2f));
            assertThat(terms.classes().getFloat()).isCloseTo((float) (5 * LN2), offset(1e-4f));
            assertThat(new YoloLoss(false).evaluate(heads, targets).getFloat())
                    .isCloseTo(terms.box().getFloat() + terms.objectness().getFloat() + terms.classes().getFloat(),
                            offset(1e-2f));
        }
    }

    @Test
    void ignoreDropsBackgroundCellsThatAlreadyOverlapTheObject() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        // input box 52x52 centred on coarse cell (6, 6): its best anchor 60x58 (IoU .78) takes the object,
        // and anchor 44x46 of the same cell (IoU .75 > ignore_thresh .7) is ignored, not pushed to background
        BoundingBox imageBox = new BoundingBox(130, 90, 52 / 0.6, 52 / 0.6);
        BoundingBox inputBox = Letterbox.of(320, 240, 192, 192).toInput(imageBox);
        List<YoloTargets> targets = YoloTargets.build(cfg,
                List.of(YoloTargetsTest.frame(new GroundTruth(1, "square", imageBox))));
        int ignored = 0;
        for (YoloTargets target : targets) {
            YoloLayer layer = target.layer();
            double stride = 192.0 / target.gridWidth();
            for (int a = 0; a < target.anchors(); a++) {
                Anchor anchor = layer.maskedAnchors().get(a);
                for (int j = 0; j < target.gridHeight(); j++) {
                    for (int i = 0; i < target.gridWidth(); i++) {
                        BoundingBox predicted = BoundingBox.fromCenter((i + 0.5) * stride, (j + 0.5) * stride,
                                anchor.width(), anchor.height());
                        if (target.value(0, a, YoloTargets.OBJECT, j, i) == 0 && predicted.iou(inputBox) > 0.7) {
                            ignored++;
                        }
                    }
                }
            }
        }
        assertThat(ignored).isPositive();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList heads = new NDList(manager.zeros(new Shape(1, 30, 12, 12)), manager.zeros(new Shape(1, 30, 24, 24)));

            float without = new YoloLoss(false).terms(heads, targets).objectness().getFloat();
            float with = new YoloLoss(true).terms(heads, targets).objectness().getFloat();

            assertThat(without - with).isCloseTo((float) (ignored * LN2), offset(1e-2f));
        }
    }

    @Test
    void headsMustMatchTheTargets() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        List<YoloTargets> targets = YoloTargets.build(cfg, List.of(YoloTargetsTest.frame()));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray wrong = manager.zeros(new Shape(1, 30, 13, 13));

            assertThatThrownBy(() -> new YoloLoss().evaluate(new NDList(wrong, wrong), targets))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("head shape (1, 30, 13, 13) (expected: (1, 30, 12, 12) for the targets)");
            assertThatThrownBy(() -> new YoloLoss().evaluate(new NDList(wrong), targets))
                    .hasMessage("1 heads, but targets for 2");
        }
    }

    @Test
    void crossEntropyOfLogitsIsStable() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.create(new float[] {-100f, 0f, 3f, 100f});
            NDArray z = manager.create(new float[] {0f, 1f, 1f, 0f});

            float[] loss = YoloLoss.bce(x, z).toFloatArray();

            assertThat(loss[0]).isCloseTo(0f, offset(1e-6f));
            assertThat(loss[1]).isCloseTo((float) LN2, offset(1e-6f));
            assertThat(loss[2]).isCloseTo((float) Math.log(1 + Math.exp(-3)), offset(1e-6f));
            assertThat(loss[3]).isCloseTo(100f, offset(1e-4f));
        }
    }
}
