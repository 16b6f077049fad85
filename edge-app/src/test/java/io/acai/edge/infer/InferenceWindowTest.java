package io.acai.edge.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class InferenceWindowTest {

    @Test
    void summarisesEveryTenInferences() {
        InferenceWindow window = new InferenceWindow();
        InferenceWindow.Summary summary = null;
        for (int i = 0; i < 10; i++) {
            assertThat(summary).isNull();
            summary = window.add(2_000_000L * (i + 1), 1_000_000L, i, i < 7, 3, 1000 + i);
        }
        assertThat(summary.frames()).isEqualTo(10);
        assertThat(summary.avgInferenceMillis()).isCloseTo(11.0, within(1e-9));
        assertThat(summary.avgWaitMillis()).isCloseTo(1.0, within(1e-9));
        assertThat(summary.avgQueueLength()).isCloseTo(4.5, within(1e-9));
        assertThat(summary.accuracy()).isCloseTo(0.7, within(1e-9));
        assertThat(summary.modelVersion()).isEqualTo(3);
        assertThat(summary.endMillis()).isEqualTo(1009);
        assertThat(window.add(1, 1, 0, true, 3, 0)).as("a new window starts").isNull();
    }
}
