package io.acai.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acai.records.run.InferenceRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingAccuracyTest {

    private static InferenceRow window(double seconds, double frames, double accuracy) {
        return new InferenceRow(seconds * 1000, 5, 0, 0, frames, accuracy, "0");
    }

    @Test
    void weighsTheWindowsOfTheSpanByTheirFrames() {
        List<InferenceRow> rows = List.of(window(10, 10, 1.0), window(20, 10, 0.0), window(30, 30, 0.5),
                window(45, 10, 0.2));

        AccuracyCurve points = RollingAccuracy.of(rows, r -> r.endTime() / 1000, 30);

        assertThat(points.seconds()).containsExactly(10, 20, 30, 45);
        assertThat(points.percent()[0]).isCloseTo(100, within(1e-9));
        assertThat(points.percent()[1]).isCloseTo(50, within(1e-9));
        // at 30 s the window that ended at 0 s or earlier is out; 10, 20 and 30 are in: (10 + 0 + 15) / 50
        assertThat(points.percent()[2]).isCloseTo(100 * 25.0 / 50, within(1e-9));
        // at 45 s only 20 (ended after 15 s), 30 and 45 remain: (0 + 15 + 2) / 50
        assertThat(points.percent()[3]).isCloseTo(100 * 17.0 / 50, within(1e-9));
    }

    @Test
    void sortsByTimeAndSkipsWindowsWithoutFramesOrAccuracy() {
        List<InferenceRow> rows = List.of(window(20, 10, 0.0), window(15, 0, 1.0), window(10, 10, 1.0),
                window(12, 10, Double.NaN));

        AccuracyCurve points = RollingAccuracy.of(rows, r -> r.endTime() / 1000, 5);

        assertThat(points.seconds()).containsExactly(10, 20);
        assertThat(points.percent()).containsExactly(100, 0);
    }

    @Test
    void refusesASpanThatIsNotPositive() {
        assertThatThrownBy(() -> RollingAccuracy.of(List.of(), r -> 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("span: 0.0");
    }
}
