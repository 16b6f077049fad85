package io.acai.edge.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WaitHistogramTest {

    @Test
    void quantilesAreWithinNinePercentOfTheExactOnes() {
        Random random = new Random(42);
        WaitHistogram histogram = new WaitHistogram();
        long[] waits = new long[20_000];
        for (int i = 0; i < waits.length; i++) {
            // mostly sub-millisecond waits with a long tail of seconds, as a host that falls behind gives
            waits[i] = (long) (random.nextDouble() < 0.9 ? random.nextDouble() * 800_000
                    : Math.exp(random.nextDouble() * 22));
            histogram.add(waits[i]);
        }
        Arrays.sort(waits);
        assertThat(histogram.count()).isEqualTo(waits.length);
        for (double q : new double[] {0.01, 0.5, 0.9, 0.95, 0.99, 1.0}) {
            long exactMicros = waits[(int) Math.ceil(q * waits.length) - 1] / 1000;
            long micros = histogram.quantile(q).toNanos() / 1000;
            assertThat(micros).as("q=" + q).isGreaterThanOrEqualTo(exactMicros)
                    .isLessThanOrEqualTo((long) (exactMicros * 1.095) + 1);
        }
    }

    @Test
    void everyWaitFallsInABucketThatHoldsIt() {
        for (long micros = 0; micros < 2_000_000; micros += micros < 1000 ? 1 : 997) {
            int bucket = WaitHistogram.bucket(micros);
            assertThat(WaitHistogram.upperMicros(bucket)).as(micros + " us").isGreaterThanOrEqualTo(micros);
            if (bucket > 0) {
                assertThat(WaitHistogram.upperMicros(bucket - 1)).as(micros + " us").isLessThan(micros);
            }
        }
        assertThat(WaitHistogram.bucket(Long.MAX_VALUE / 1000)).as("an absurd wait still counts").isPositive();
    }

    @Test
    void anEmptyHistogramSaysZeroAndAQuantileOutsideZeroToOneIsRefused() {
        WaitHistogram histogram = new WaitHistogram();
        assertThat(histogram.quantile(0.95)).isEqualTo(Duration.ZERO);
        histogram.add(-5);
        assertThat(histogram.quantile(0.5)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> histogram.quantile(1.5)).hasMessageContaining("1.5");
    }
}
