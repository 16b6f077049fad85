package io.acai.detection.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectorSettingsTest {

    @Test
    void defaultsAreThoseOfTheEdge() {
        assertThat(DetectorSettings.DEFAULT).isEqualTo(new DetectorSettings(0.8f, 0.3f, 2));
    }

    @Test
    void withConfidenceChangesOnlyTheConfidence() {
        assertThat(DetectorSettings.DEFAULT.withConfidence(0.25f)).isEqualTo(new DetectorSettings(0.25f, 0.3f, 2));
    }

    @Test
    void outOfRangeValuesNameTheField() {
        assertThatThrownBy(() -> new DetectorSettings(1.5f, 0.3f, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("confidence: 1.5 (expected: 0..1)");
        assertThatThrownBy(() -> new DetectorSettings(Float.NaN, 0.3f, 2))
                .hasMessageStartingWith("confidence: NaN");
        assertThatThrownBy(() -> new DetectorSettings(0.5f, -0.1f, 2))
                .hasMessage("nms: -0.1 (expected: an IoU in 0..1)");
        assertThatThrownBy(() -> new DetectorSettings(0.5f, 0.3f, 0))
                .hasMessage("threads: 0 (expected: >= 1)");
    }
}
