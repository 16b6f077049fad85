package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.BoundingBox;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthBoxTest {

    /** One object on one flat colour, no camera effects: every changed pixel is the object. */
    private static final SceneStyle SINGLE_CLEAN = SceneStyle.PRE_DRIFT
            .withClassWeights(1, 1, 1, 1, 1)
            .withBackgrounds(Map.of(Background.FLAT, 1.0))
            .withObjects(1, 0)
            .withNoise(0, 0)
            .withLighting(Lighting.DAY, 0);

    @Test
    void boxesTightlyBoundTheDrawnPixels() {
        SceneGenerator generator = new SceneGenerator(77, SINGLE_CLEAN);
        Map<SceneShape, Integer> seen = new EnumMap<>(SceneShape.class);
        int exactSides = 0;
        int sides = 0;
        for (int i = 0; i < 300; i++) {
            LabeledFrame frame = generator.next();
            assertThat(frame.objects()).hasSize(1);
            GroundTruth object = frame.objects().get(0);
            seen.merge(SceneShape.values()[object.classId()], 1, Integer::sum);
            int[] changed = changedBounds(frame.image());
            BoundingBox box = object.box();
            int[] expected = {(int) box.x(), (int) box.y(), (int) (box.x() + box.width()) - 1,
                (int) (box.y() + box.height()) - 1};
            for (int side = 0; side < 4; side++) {
                assertThat(changed[side]).as("frame %s side %d of %s", frame.id(), side, object)
                        .isCloseTo(expected[side], org.assertj.core.data.Offset.offset(1));
                sides++;
                if (changed[side] == expected[side]) {
                    exactSides++;
                }
            }
        }
        assertThat(seen).hasSize(SceneShape.values().length);
        // a side is off by one only where the outermost pixel's coverage was too faint to change a level
        assertThat(exactSides).isGreaterThan(sides * 9 / 10);
    }

    @Test
    void boxesLieInsideTheFrameAndOverlapLittle() {
        for (SceneStyle style : List.of(SceneStyle.PRE_DRIFT, SceneStyle.DRIFT)) {
            SceneGenerator generator = new SceneGenerator(2024, style);
            for (int i = 0; i < 300; i++) {
                LabeledFrame frame = generator.next();
                List<GroundTruth> objects = frame.objects();
                assertThat(objects.size()).isBetween(0, style.maxObjects());
                for (GroundTruth object : objects) {
                    BoundingBox box = object.box();
                    assertThat(box.x()).isGreaterThanOrEqualTo(0);
                    assertThat(box.y()).isGreaterThanOrEqualTo(0);
                    assertThat(box.x() + box.width()).isLessThanOrEqualTo(frame.width());
                    assertThat(box.y() + box.height()).isLessThanOrEqualTo(frame.height());
                    double side = Math.max(box.width(), box.height());
                    assertThat(side).isBetween(style.minObjectSize() * 240 - 1, style.maxObjectSize() * 240 + 6);
                    assertThat(object.className()).isEqualTo(SceneClasses.NAMES.name(object.classId()));
                }
                for (int a = 0; a < objects.size(); a++) {
                    for (int b = a + 1; b < objects.size(); b++) {
                        assertThat(objects.get(a).box().iou(objects.get(b).box())).isLessThanOrEqualTo(SceneRenderer.MAX_IOU);
                    }
                }
            }
        }
    }

    /** Left, top, right, bottom (inclusive) of the pixels that differ from the most common colour. */
    static int[] changedBounds(BufferedImage image) {
        Map<Integer, Integer> histogram = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                histogram.merge(image.getRGB(x, y), 1, Integer::sum);
            }
        }
        int background = histogram.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        int[] bounds = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    bounds[0] = Math.min(bounds[0], x);
                    bounds[1] = Math.min(bounds[1], y);
                    bounds[2] = Math.max(bounds[2], x);
                    bounds[3] = Math.max(bounds[3], y);
                }
            }
        }
        return bounds;
    }
}
