package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.acai.detection.BoundingBox;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.YoloLayer.Anchor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Targets of the default cfg (192x192; coarse head 12x12 with anchors 3-5 first, fine head 24x24
 * with anchors 0-2), computed by hand for one object of a 320x240 frame, which the letterbox
 * scales by 0.6 and shifts down by 24 pixels.
 */
class YoloTargetsTest {

    static LabeledFrame frame(GroundTruth... objects) {
        return new LabeledFrame("f", new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR), List.of(objects));
    }

    @Test
    void anObjectGoesToItsBestAnchorsHeadAndCell() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        // image box (100, 60) 50x50 -> input (60, 60) 30x30, centre (75, 75)
        LabeledFrame frame = frame(new GroundTruth(3, "cross", new BoundingBox(100, 60, 50, 50)));

        List<YoloTargets> targets = YoloTargets.build(cfg, List.of(frame));

        YoloTargets coarse = targets.get(0);
        YoloTargets fine = targets.get(1);
        assertThat(coarse.gridWidth()).isEqualTo(12);
        assertThat(fine.gridWidth()).isEqualTo(24);
        assertThat(coarse.assigned()).isZero();
        assertThat(fine.assigned()).isOne();
        // best anchor: 34x32 (IoU 900 / 1088 = .83 against 24x24's .64 and 44x46's .44), index 2 of fine's mask
        int a = 2;
        int i = 9; // 75 / 8 = 9.375
        int j = 9;
        assertThat(fine.value(0, a, YoloTargets.OBJECT, j, i)).isEqualTo(1f);
        assertThat(fine.value(0, a, YoloTargets.X, j, i)).isCloseTo(0.375f, offset(1e-5f));
        assertThat(fine.value(0, a, YoloTargets.Y, j, i)).isCloseTo(0.375f, offset(1e-5f));
        assertThat(fine.value(0, a, YoloTargets.W, j, i)).isCloseTo((float) Math.log(30.0 / 34), offset(1e-5f));
        assertThat(fine.value(0, a, YoloTargets.H, j, i)).isCloseTo((float) Math.log(30.0 / 32), offset(1e-5f));
        assertThat(fine.value(0, a, YoloTargets.BOX_SCALE, j, i))
                .isCloseTo((float) (2 - (30.0 / 192) * (30.0 / 192)), offset(1e-5f));
        for (int c = 0; c < 5; c++) {
            assertThat(fine.value(0, a, YoloTargets.FIRST_CLASS + c, j, i)).isEqualTo(c == 3 ? 1f : 0f);
        }
        assertThat(fine.value(0, 1, YoloTargets.OBJECT, j, i)).isZero();
        assertThat(fine.value(0, a, YoloTargets.OBJECT, j, i + 1)).isZero();
        assertThat(fine.truths()).startsWith(60f, 60f, 90f, 90f);
        assertThat(coarse.truths()).startsWith(60f, 60f, 90f, 90f);
    }

    @Test
    void aLargeObjectGoesToTheCoarseHead() throws IOException {
        DarknetConfig cfg = TrainingFixtures.acaiShapes();
        // image 130x130 -> input 78x78 centred at (96, 96): anchor 80x78 (index 5, coarse mask index 2), cell (6, 6)
        LabeledFrame frame = frame(new GroundTruth(0, "circle", new BoundingBox(95, 55, 130, 130)));

        List<YoloTargets> targets = YoloTargets.build(cfg, List.of(frame));

        assertThat(targets.get(1).assigned()).isZero();
        assertThat(targets.get(0).value(0, 2, YoloTargets.OBJECT, 6, 6)).isEqualTo(1f);
        assertThat(targets.get(0).value(0, 2, YoloTargets.X, 6, 6)).isCloseTo(0f, offset(1e-5f));
    }

    @Test
    void bestAnchorComparesSizesOnly() {
        List<Anchor> anchors = List.of(new Anchor(10, 10), new Anchor(40, 10), new Anchor(10, 40));

        assertThat(YoloTargets.bestAnchor(anchors, new BoundingBox(500, 500, 36, 12))).isEqualTo(1);
        assertThat(YoloTargets.bestAnchor(anchors, new BoundingBox(0, 0, 9, 35))).isEqualTo(2);
        assertThat(YoloTargets.bestAnchor(anchors, new BoundingBox(0, 0, 11, 11))).isEqualTo(0);
    }

    @Test
    void framesWithoutObjectsHaveNoTargets() throws IOException {
        List<YoloTargets> targets = YoloTargets.build(TrainingFixtures.acaiShapes(), List.of(frame(), frame()));

        assertThat(targets).as("one per YOLO head").hasSize(2).allSatisfy(t -> {
            assertThat(t.assigned()).isZero();
            assertThat(t.batch()).isEqualTo(2);
            assertThat(t.maxTruths()).isEqualTo(1);
        });
    }
}
