package io.acai.launcher.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The t-table and the 95 % confidence interval of a mean, on values whose answers are worked out by hand. */
class MeanIntervalTest {

    @Test
    void theTTableGivesTheStandardValues() {
        assertThat(StudentT.critical95(1)).isEqualTo(12.706);
        assertThat(StudentT.critical95(2)).isEqualTo(4.303);
        assertThat(StudentT.critical95(4)).isEqualTo(2.776);
        assertThat(StudentT.critical95(10)).isEqualTo(2.228);
        assertThat(StudentT.critical95(30)).isEqualTo(2.042);
        assertThat(StudentT.critical95(40)).isEqualTo(2.021, within(1e-9));
        assertThat(StudentT.critical95(120)).isEqualTo(1.980, within(1e-9));
        // between 60 and 120, linear in 1/df
        double expected80 = 2.000 + (1.980 - 2.000) * (1.0 / 60 - 1.0 / 80) / (1.0 / 60 - 1.0 / 120);
        assertThat(StudentT.critical95(80)).isEqualTo(expected80, within(1e-12)).isBetween(1.980, 2.000);
        assertThat(StudentT.critical95(1_000_000)).isEqualTo(1.960, within(1e-4));
        for (int df = 1; df < 200; df++) {
            assertThat(StudentT.critical95(df + 1)).as("falls with df at %d", df).isLessThanOrEqualTo(StudentT.critical95(df));
        }
        assertThatThrownBy(() -> StudentT.critical95(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degrees of freedom: 0 (expected: >= 1, two values or more)");
    }

    @Test
    void oneValueHasAMeanAndNoInterval() {
        MeanInterval one = MeanInterval.of(42.5);

        assertThat(one.n()).isEqualTo(1);
        assertThat(one.mean()).isEqualTo(42.5);
        assertThat(one.low()).isNaN();
        assertThat(one.high()).isNaN();
        assertThat(one.hasInterval()).isFalse();
        assertThat(one.halfWidth()).isZero();
        assertThat(one.note()).isEqualTo("n=1: no interval");
    }

    @Test
    void twoValuesUseTwelvePointSevenStandardErrors() {
        // 10 and 20: mean 15, s = sqrt(50) = 7.0711, standard error s / sqrt(2) = 5, t(0.975, 1) = 12.706
        MeanInterval two = MeanInterval.of(10, 20);

        assertThat(two.n()).isEqualTo(2);
        assertThat(two.mean()).isEqualTo(15);
        assertThat(two.low()).isEqualTo(15 - 63.53, within(1e-9));
        assertThat(two.high()).isEqualTo(15 + 63.53, within(1e-9));
        assertThat(two.halfWidth()).isEqualTo(63.53, within(1e-9));
        assertThat(two.note()).isEmpty();
    }

    @Test
    void threeValuesAndTheUnmeasuredOnesLeftOut() {
        // 1, 2, 3: mean 2, s = 1, standard error 1 / sqrt(3), t(0.975, 2) = 4.303
        MeanInterval three = MeanInterval.of(1, Double.NaN, 2, 3);

        assertThat(three.n()).isEqualTo(3);
        assertThat(three.mean()).isEqualTo(2);
        assertThat(three.halfWidth()).isEqualTo(4.303 / Math.sqrt(3), within(1e-12));
        assertThat(MeanInterval.of(7, 7, 7).halfWidth()).as("equal values: no spread").isZero();
        MeanInterval none = MeanInterval.of(Double.NaN);
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNaN();
        assertThat(none.note()).isEqualTo("not measured in any run");
    }
}
