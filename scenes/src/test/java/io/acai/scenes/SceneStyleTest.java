package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acai.detection.GroundTruth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SceneStyleTest {

    @Test
    void classNamesAreTheFiveShapesInOrder() {
        assertThat(SceneClasses.NAMES.asList()).containsExactly("circle", "square", "triangle", "cross", "star");
        assertThat(SceneClasses.DRIFT_CLASS.id()).isEqualTo(4);
    }

    @Test
    void preDriftClassMixMatchesItsWeights() {
        double[] shares = observedShares(SceneStyle.PRE_DRIFT, 4000, 11);
        assertThat(shares[SceneShape.STAR.id()]).isBetween(0.004, 0.018);
        for (SceneShape shape : List.of(SceneShape.CIRCLE, SceneShape.SQUARE, SceneShape.TRIANGLE, SceneShape.CROSS)) {
            assertThat(shares[shape.id()]).as(shape.label()).isCloseTo(0.2475, within(0.03));
        }
    }

    @Test
    void driftClassMixMatchesItsWeights() {
        double[] shares = observedShares(SceneStyle.DRIFT, 4000, 12);
        assertThat(shares[SceneShape.STAR.id()]).isCloseTo(0.40, within(0.03));
        for (SceneShape shape : List.of(SceneShape.CIRCLE, SceneShape.SQUARE, SceneShape.TRIANGLE, SceneShape.CROSS)) {
            assertThat(shares[shape.id()]).as(shape.label()).isCloseTo(0.15, within(0.025));
        }
    }

    @Test
    void configuredWeightsAreFollowed() {
        SceneStyle style = SceneStyle.PRE_DRIFT.withClassWeights(0, 3, 0, 1, 0);
        double[] shares = observedShares(style, 2000, 13);
        assertThat(shares[SceneShape.CIRCLE.id()]).isZero();
        assertThat(shares[SceneShape.TRIANGLE.id()]).isZero();
        assertThat(shares[SceneShape.STAR.id()]).isZero();
        assertThat(shares[SceneShape.SQUARE.id()]).isCloseTo(0.75, within(0.04));
    }

    @Test
    void presetSharesAreNormalised() {
        assertThat(SceneStyle.PRE_DRIFT.classShare(SceneShape.STAR)).isCloseTo(0.01, within(1e-9));
        assertThat(SceneStyle.DRIFT.classShare(SceneShape.STAR)).isCloseTo(0.40, within(1e-9));
    }

    @Test
    void blendMovesEveryKnobLinearly() {
        SceneStyle half = SceneStyle.PRE_DRIFT.blend(SceneStyle.DRIFT, 0.5);
        assertThat(half.classShare(SceneShape.STAR)).isCloseTo(0.205, within(1e-9));
        assertThat(half.lighting().brightness()).isCloseTo((1 + 0.55) / 2, within(1e-9));
        assertThat(half.noiseSigma()).isCloseTo(3.0, within(1e-9));
        assertThat(SceneStyle.PRE_DRIFT.blend(SceneStyle.DRIFT, 0)).isEqualTo(SceneStyle.PRE_DRIFT);
        assertThat(SceneStyle.PRE_DRIFT.blend(SceneStyle.DRIFT, 7)).isEqualTo(SceneStyle.DRIFT);
    }

    @Test
    void rejectsBadKnobsNamingFieldAndValue() {
        assertThatThrownBy(() -> SceneStyle.PRE_DRIFT.withClassWeights(1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classWeights: 4 weights (expected: 5");
        assertThatThrownBy(() -> SceneStyle.PRE_DRIFT.withClassWeights(1, 1, 1, 1, -2))
                .hasMessageContaining("classWeights[star]: -2.0 (expected: >= 0)");
        assertThatThrownBy(() -> SceneStyle.PRE_DRIFT.withClassWeights(0, 0, 0, 0, 0))
                .hasMessageContaining("one weight > 0");
        assertThatThrownBy(() -> SceneStyle.PRE_DRIFT.withNoise(-1, 0)).hasMessage("noiseSigma: -1.0 (expected: 0.0..64.0)");
        assertThatThrownBy(() -> SceneStyle.PRE_DRIFT.withNoise(1, 9)).hasMessage("blurRadius: 9 (expected: 0..8)");
        assertThatThrownBy(() -> SceneStyle.PRE_DRIFT.withObjectSize(0.5, 0.3))
                .hasMessageContaining("maxObjectSize: 0.3");
        assertThatThrownBy(() -> SceneStyle.PRE_DRIFT.withBackgrounds(Map.of(Background.FLAT, 0.0)))
                .hasMessageContaining("backgrounds");
        assertThatThrownBy(() -> new Lighting(0, 1, 1, 1, 1, 1)).hasMessageContaining("lighting brightness: 0.0");
    }

    private static double[] observedShares(SceneStyle style, int objects, long seed) {
        SceneGenerator generator = new SceneGenerator(seed, style);
        int[] counts = new int[SceneClasses.NAMES.size()];
        int total = 0;
        while (total < objects) {
            for (GroundTruth object : generator.next().objects()) {
                counts[object.classId()]++;
                total++;
            }
        }
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = counts[i] / (double) total;
        }
        return shares;
    }
}
