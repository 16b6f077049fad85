package io.acai.cloud.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.scenes.ColourJitter;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneShape;
import io.acai.scenes.SceneStyle;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PretrainScenesTest {

    @Test
    void trainingScenesAreNotTheFramesOfAnExperimentWithTheSameSeed() {
        List<LabeledFrame> scenes = PretrainScenes.of(1, 3, 0);
        DriftScenario edge = DriftScenario.builder("edge-near").seed(1).driftAt(100).build();

        assertThat(PretrainScenes.streamSeed(1)).isNotEqualTo(1).isNotEqualTo(PretrainScenes.streamSeed(2));
        for (int i = 0; i < 3; i++) {
            LabeledFrame expected = new SceneGenerator(PretrainScenes.streamSeed(1), SceneStyle.PRE_DRIFT).frame(i);
            assertThat(scenes.get(i).objects()).isEqualTo(expected.objects());
            assertThat(scenes.get(i).objects()).isNotEqualTo(edge.frame(i).objects());
        }
    }

    @Test
    void balancedScenesTakeTheirShareAndHoldManyStars() {
        assertThat(IntStream.range(0, 100).filter(i -> PretrainScenes.balancedScene(i, 0.3)).count()).isEqualTo(30);
        assertThat(IntStream.range(0, 100).filter(i -> PretrainScenes.balancedScene(i, 0)).count()).isZero();
        assertThat(IntStream.range(0, 100).filter(i -> PretrainScenes.balancedScene(i, 1)).count()).isEqualTo(100);

        List<LabeledFrame> all = PretrainScenes.of(1, 200, 1);
        long stars = all.stream().flatMap(f -> f.objects().stream()).mapToInt(GroundTruth::classId)
                .filter(id -> id == SceneShape.STAR.id()).count();
        long objects = all.stream().mapToLong(f -> f.objects().size()).sum();
        // a fifth of the objects, against 1 % before the drift
        assertThat((double) stars / objects).isBetween(0.14, 0.26);
        assertThat(PretrainScenes.BALANCED.lighting()).isEqualTo(SceneStyle.PRE_DRIFT.lighting());
        assertThat(PretrainScenes.BALANCED.noiseSigma()).isEqualTo(SceneStyle.PRE_DRIFT.noiseSigma());
    }

    @Test
    void aBadShareIsRefused() {
        assertThatThrownBy(() -> PretrainScenes.of(1, 3, 1.5)).hasMessage("--balanced: 1.5 (expected: 0..1)");
        assertThatThrownBy(() -> PretrainScenes.of(1, 3, 0, -0.1)).hasMessage("--drift: -0.1 (expected: 0..1)");
    }

    @Test
    void aDriftShareDrawsThatShareOfNightScenes() {
        List<LabeledFrame> mixed = PretrainScenes.of(1, 400, 0, 0.5);
        List<LabeledFrame> day = PretrainScenes.of(1, 400, 0);
        long night = IntStream.range(0, 400).filter(i -> !mixed.get(i).objects().equals(day.get(i).objects())
                || meanLevel(mixed.get(i)) < meanLevel(day.get(i)) * 0.8).count();
        assertThat(night).isBetween(160L, 240L);
        assertThat(PretrainScenes.of(1, 50, 0, 0)).extracting(LabeledFrame::objects)
                .isEqualTo(day.subList(0, 50).stream().map(LabeledFrame::objects).toList());
    }

    @Test
    void jitterDrawsAnewInEveryPassAndTheSameForTheSamePass() {
        List<LabeledFrame> scenes = PretrainScenes.of(1, 4, 0);
        ColourJitter jitter = new ColourJitter(0.1, 1.5, 1.5);
        List<LabeledFrame> pass1 = PretrainScenes.jittered(scenes, jitter, 1, 1);
        List<LabeledFrame> pass2 = PretrainScenes.jittered(scenes, jitter, 1, 2);
        for (int i = 0; i < scenes.size(); i++) {
            assertThat(pass1.get(i).objects()).isEqualTo(scenes.get(i).objects());
            assertThat(pixels(pass1.get(i))).isEqualTo(pixels(PretrainScenes.jittered(scenes, jitter, 1, 1).get(i)));
            assertThat(pixels(pass1.get(i))).isNotEqualTo(pixels(pass2.get(i))).isNotEqualTo(pixels(scenes.get(i)));
        }
    }

    private static byte[] pixels(LabeledFrame frame) {
        return ((DataBufferByte) frame.image().getRaster().getDataBuffer()).getData();
    }

    private static double meanLevel(LabeledFrame frame) {
        double sum = 0;
        for (byte b : pixels(frame)) {
            sum += b & 0xff;
        }
        return sum / pixels(frame).length;
    }
}
