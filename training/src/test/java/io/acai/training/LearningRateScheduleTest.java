package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void fixedRateWithAFactorForTheHead() {
        LearningRateSchedule schedule = new LearningRateSchedule(2e-4f, 5f, Set.of("head"), false, 30);
        assertThat(schedule.getNewValue("backbone", 1)).isEqualTo(2e-4f);
        assertThat(schedule.getNewValue("backbone", 30)).isEqualTo(2e-4f);
        assertThat(schedule.getNewValue("head", 17)).isCloseTo(1e-3f, within(1e-9f));
    }

    @Test
    void warmsUpOverATenthThenDecaysAlongACosine() {
        LearningRateSchedule schedule = new LearningRateSchedule(1e-3f, 1f, Set.of(), true, 100);
        assertThat(schedule.share(1)).isCloseTo(0.1f, within(1e-6f));
        assertThat(schedule.share(5)).isCloseTo(0.5f, within(1e-6f));
        assertThat(schedule.share(10)).isEqualTo(1f);
        assertThat(schedule.share(55)).isCloseTo(0.5f * (1 + LearningRateSchedule.FINAL_SHARE), within(1e-6f));
        assertThat(schedule.share(100)).isCloseTo(LearningRateSchedule.FINAL_SHARE, within(1e-6f));
        assertThat(schedule.share(250)).isCloseTo(LearningRateSchedule.FINAL_SHARE, within(1e-6f));
        assertThat(schedule.getNewValue("any", 55)).isCloseTo(1e-3f * 0.525f, within(1e-8f));
        for (int step = 11; step <= 100; step++) {
            assertThat(schedule.share(step)).isLessThanOrEqualTo(schedule.share(step - 1));
        }
    }

    @Test
    void aTrainingOfOneStepWarmsUpInIt() {
        assertThat(new LearningRateSchedule(1e-3f, 1f, Set.of(), true, 1).share(1)).isEqualTo(1f);
        assertThatThrownBy(() -> new LearningRateSchedule(1e-3f, 1f, Set.of(), true, 0))
                .hasMessage("totalSteps: 0 (expected: >= 1)");
    }
}
