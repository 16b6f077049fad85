package io.acai.edge.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.LabeledFrame;
import io.acai.scenes.DriftScenario;
import io.acai.scenes.SharedFrames;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;

class ScenarioFramesTest {

    private static DriftScenario scenario(String camera, long seed) {
        return DriftScenario.builder(camera).seed(seed).driftAt(4).build();
    }

    private static byte[] pixels(LabeledFrame frame) {
        return ((DataBufferByte) frame.image().getRaster().getDataBuffer()).getData();
    }

    @Test
    void edgesOfOneScenarioShareItsFramesAndSeeWhatTheScenarioDraws() {
        SharedFrames shared = new SharedFrames(8);
        ScenarioFrames near = new ScenarioFrames(scenario("edge-near", 3), shared);
        ScenarioFrames control = new ScenarioFrames(scenario("edge-near-static", 3), shared);
        ScenarioFrames other = new ScenarioFrames(scenario("edge-far", 4), shared);
        for (long i = 0; i < 8; i++) {
            LabeledFrame mine = near.frame(i);
            LabeledFrame theirs = control.frame(i);
            LabeledFrame fresh = scenario("edge-near-static", 3).frame(i);
            assertThat(theirs.id()).isEqualTo(fresh.id());
            assertThat(pixels(theirs)).isEqualTo(pixels(fresh)).isEqualTo(pixels(mine));
            assertThat(theirs.objects()).isEqualTo(fresh.objects());
            assertThat(pixels(other.frame(i))).isNotEqualTo(pixels(fresh));
        }
        // 8 frames for the two edges of seed 3, 8 for the edge of seed 4
        assertThat(shared.drawn()).isEqualTo(16);
        assertThat(near.describe())
                .isEqualTo("synthetic drift scenario of camera edge-near (seed 3, drift from frame 4)");
    }
}
