package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DriftScenarioTest {

    @Test
    void switchesStyleAtTheDriftFrame() {
        DriftScenario scenario = DriftScenario.builder("edge-1").driftAt(100).build();
        assertThat(scenario.styleAt(0)).isEqualTo(SceneStyle.PRE_DRIFT);
        assertThat(scenario.styleAt(99)).isEqualTo(SceneStyle.PRE_DRIFT);
        assertThat(scenario.styleAt(100)).isEqualTo(SceneStyle.DRIFT);
        assertThat(scenario.drifted(99)).isFalse();
        assertThat(scenario.drifted(100)).isTrue();
    }

    @Test
    void rampMovesGraduallyFromOneStyleToTheOther() {
        DriftScenario scenario = DriftScenario.builder("edge-1").driftAt(100).ramp(99).build();
        double early = scenario.styleAt(100).classShare(SceneShape.STAR);
        double middle = scenario.styleAt(149).classShare(SceneShape.STAR);
        double late = scenario.styleAt(198).classShare(SceneShape.STAR);
        assertThat(early).isGreaterThan(0.01).isLessThan(middle);
        assertThat(middle).isLessThan(late).isLessThan(0.40);
        assertThat(scenario.styleAt(199)).isEqualTo(SceneStyle.DRIFT);
        assertThat(scenario.styleAt(149).lighting().brightness()).isBetween(0.45, 1.0);
    }

    @Test
    void framesAreDeterministicByIndexAndDifferPerCamera() {
        DriftScenario one = DriftScenario.builder("edge-1").driftAt(5).build();
        DriftScenario same = DriftScenario.builder("edge-1").driftAt(5).build();
        DriftScenario other = DriftScenario.builder("edge-2").driftAt(5).build();
        assertThat(one.seed()).isNotEqualTo(other.seed());
        for (long i : new long[] {7, 0, 3, 12}) {
            LabeledFrame a = one.frame(i);
            LabeledFrame b = same.frame(i);
            assertThat(a.id()).isEqualTo(String.format("edge-1-%06d", i));
            assertThat(SceneGeneratorTest.bytes(a)).isEqualTo(SceneGeneratorTest.bytes(b));
            assertThat(a.objects()).isEqualTo(b.objects());
            assertThat(SceneGeneratorTest.bytes(a)).isNotEqualTo(SceneGeneratorTest.bytes(other.frame(i)));
        }
    }

    @Test
    void aScenariosFramesAreNotThoseOfASceneGeneratorWithTheSameSeed() {
        // pretrain, its evaluation and the cloud's replay draw SceneGenerator streams of small seeds; an
        // experiment.seed of 1 must not make the edges judge the model on scenes it was trained on
        for (long seed : new long[] {1, 2}) {
            DriftScenario scenario = DriftScenario.builder("edge-near").seed(seed).driftAt(100).build();
            SceneGenerator generator = new SceneGenerator(seed, SceneStyle.PRE_DRIFT);
            for (long i = 0; i < 4; i++) {
                assertThat(SceneGeneratorTest.bytes(scenario.frame(i)))
                        .isNotEqualTo(SceneGeneratorTest.bytes(generator.frame(i)));
            }
        }
        assertThat(SceneSeeds.scenario(1)).isNotEqualTo(1).isNotEqualTo(SceneSeeds.scenario(2));
    }

    @Test
    void aCameraGivenAnotherCamerasSeedDrawsItsFramesUnderItsOwnName() {
        DriftScenario target = DriftScenario.builder("edge-near").driftAt(4).build();
        DriftScenario control = DriftScenario.builder("edge-near-static").seed(DriftScenario.seedOf("edge-near"))
                .driftAt(4).build();
        assertThat(target.seed()).isEqualTo(DriftScenario.seedOf("edge-near"))
                .isNotEqualTo(DriftScenario.seedOf("edge-near-static"));
        for (long i = 0; i < 8; i++) {
            assertThat(control.frame(i).id()).isEqualTo(String.format("edge-near-static-%06d", i));
            assertThat(control.frame(i).objects()).isEqualTo(target.frame(i).objects());
            assertThat(SceneGeneratorTest.bytes(control.frame(i))).isEqualTo(SceneGeneratorTest.bytes(target.frame(i)));
        }
    }

    @Test
    void nightFramesAreDarkerThanDayFrames() {
        DriftScenario day = DriftScenario.builder("cam").seed(3).driftAt(Long.MAX_VALUE).build();
        DriftScenario night = DriftScenario.builder("cam").seed(3).driftAt(0).build();
        double daySum = 0;
        double nightSum = 0;
        for (int i = 0; i < 60; i++) {
            double dayMean = meanLuma(day.frame(i).image());
            double nightMean = meanLuma(night.frame(i).image());
            // same seed, same backdrop: night is darker frame by frame, not just on average
            assertThat(nightMean).as("frame %d", i).isLessThan(dayMean);
            daySum += dayMean;
            nightSum += nightMean;
        }
        assertThat(nightSum / daySum).isLessThan(0.65);
        // but not black: the objects must stay learnable
        assertThat(nightSum / 60).isGreaterThan(25);
    }

    @Test
    void driftCanStartAfterATime() {
        DriftScenario scenario = DriftScenario.builder("edge-3").driftAfter(Duration.ofSeconds(30), 2.5).build();
        assertThat(scenario.driftStart()).isEqualTo(75);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> DriftScenario.builder("edge 1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("camera: 'edge 1'");
        assertThatThrownBy(() -> DriftScenario.builder("e").ramp(-1)).hasMessageContaining("ramp: -1");
        assertThatThrownBy(() -> DriftScenario.builder("e").driftAfter(Duration.ofSeconds(1), 0))
                .hasMessageContaining("framesPerSecond: 0.0");
        assertThatThrownBy(() -> DriftScenario.builder("e").build().frame(-3)).hasMessageContaining("index: -3");
    }

    static double meanLuma(BufferedImage image) {
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += SceneRenderer.luma(rgb);
            }
        }
        return sum / (image.getWidth() * image.getHeight());
    }
}
