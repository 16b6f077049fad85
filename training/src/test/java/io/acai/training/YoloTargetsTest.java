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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Targets of the default network at 192x192 ({@link TrainingFixtures#acaiShapes()}; coarse head 12x12 with anchors 3-5 first, fine head 24x24
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
    void withIouThreshEveryAnchorOverlappingTheObjectEnoughTrainsOnItAsInDarknet() throws IOException {
        DarknetConfig cfg = DarknetConfig.parse(Path.of("acai-shapes-iou-thresh.cfg"),
                TrainingFixtures.acaiShapesText().replace("anchors=", "iou_thresh=0.3\nanchors="));
        // the 30x30 object of the first test: (w, h) IoU 0.28 with 16x16, 0.64 with 24x24, 0.83 with 34x32 (best),
        // 0.44 with 44x46, 0.26 with 60x58, 0.14 with 80x78
        LabeledFrame frame = frame(new GroundTruth(3, "cross", new BoundingBox(100, 60, 50, 50)));

        List<YoloTargets> targets = YoloTargets.build(cfg, List.of(frame));

        YoloTargets coarse = targets.get(0);
        YoloTargets fine = targets.get(1);
        assertThat(fine.assigned()).as("24x24 and 34x32").isEqualTo(2);
        assertThat(fine.value(0, 0, YoloTargets.OBJECT, 9, 9)).isZero();
        assertThat(fine.value(0, 1, YoloTargets.OBJECT, 9, 9)).isEqualTo(1f);
        assertThat(fine.value(0, 1, YoloTargets.W, 9, 9)).isCloseTo((float) Math.log(30.0 / 24), offset(1e-5f));
        assertThat(fine.value(0, 1, YoloTargets.FIRST_CLASS + 3, 9, 9)).isEqualTo(1f);
        assertThat(fine.value(0, 2, YoloTargets.OBJECT, 9, 9)).isEqualTo(1f);
        assertThat(coarse.assigned()).as("44x46, in the coarse head's cell (4, 4): 75 / 16 = 4.69").isOne();
        assertThat(coarse.value(0, 0, YoloTargets.OBJECT, 4, 4)).isEqualTo(1f);
        assertThat(coarse.value(0, 0, YoloTargets.X, 4, 4)).isCloseTo(0.6875f, offset(1e-5f));
        assertThat(coarse.value(0, 0, YoloTargets.H, 4, 4)).isCloseTo((float) Math.log(30.0 / 46), offset(1e-5f));
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
