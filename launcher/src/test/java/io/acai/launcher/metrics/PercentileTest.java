package io.acai.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileTest {

    @Test
    void interpolatesBetweenTheClosestRanksOfTheSortedValues() {
        double[] values = {40, 10, 30, 20};

        assertThat(Percentile.of(values, 0.5)).isCloseTo(25, within(1e-12));
        assertThat(Percentile.of(values, 0.95)).isCloseTo(38.5, within(1e-12));
        assertThat(Percentile.of(values, 0)).isEqualTo(10);
        assertThat(Percentile.of(values, 1)).isEqualTo(40);
        assertThat(Percentile.of(new double[] {7}, 0.95)).isEqualTo(7);
        assertThat(values).containsExactly(40, 10, 30, 20);
    }

    @Test
    void noValuesGiveNaNAndAFractionOutsideZeroToOneIsRefused() {
        assertThat(Percentile.of(new double[0], 0.5)).isNaN();
        assertThatThrownBy(() -> Percentile.of(new double[] {1}, 95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p: 95.0 (expected: a fraction from 0 to 1)");
    }
}
