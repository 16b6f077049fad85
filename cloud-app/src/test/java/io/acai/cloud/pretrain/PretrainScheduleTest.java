package io.acai.cloud.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PretrainScheduleTest {

    @Test
    void stepDecaysByTheFactorEachPass() {
        PretrainSchedule step = new PretrainSchedule("step", 0.001, 0.85, 0, 16);

        assertThat(step.rate(1)).isEqualTo(0.001);
        assertThat(step.rate(16)).isCloseTo(0.001 * Math.pow(0.85, 15), within(1e-12));
    }

    @Test
    void cosineWarmsUpThenFallsFromThePeakToTheFloor() {
        PretrainSchedule cosine = new PretrainSchedule("cosine", 0.001, 1, 1, 6);

        assertThat(cosine.rate(1)).isCloseTo(0.0005, within(1e-12));
        // five cosine passes, each at the curve's value in its middle: 0.1, 0.3, 0.5, 0.7, 0.9 of the way
        assertThat(cosine.rate(2)).isCloseTo(0.001 * (0.02 + 0.98 * 0.5 * (1 + Math.cos(Math.PI * 0.1))), within(1e-12));
        assertThat(cosine.rate(4)).isCloseTo(0.001 * 0.51, within(1e-12));
        assertThat(cosine.rate(6)).isCloseTo(0.001 * (0.02 + 0.98 * 0.5 * (1 + Math.cos(Math.PI * 0.9))), within(1e-12));
        for (int pass = 2; pass < 6; pass++) {
            assertThat(cosine.rate(pass + 1)).isLessThan(cosine.rate(pass));
        }
        assertThat(cosine.rate(6)).isGreaterThan(0.001 * PretrainSchedule.COSINE_FLOOR);
    }

    @Test
    void badSettingsNameTheirOption() {
        assertThatThrownBy(() -> new PretrainSchedule("linear", 0.001, 1, 0, 4))
                .hasMessage("--schedule: \"linear\" (expected: step or cosine)");
        assertThatThrownBy(() -> new PretrainSchedule("cosine", 0.001, 1, 4, 4))
                .hasMessage("--warmup: 4 (expected: 0..3, below --epochs 4)");
        assertThatThrownBy(() -> new PretrainSchedule("step", 0.001, 0, 0, 4))
                .hasMessage("--lr-decay: 0.0 (expected: > 0 and <= 1)");
    }
}
