package io.acai.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeSpanTest {

    @Test
    void durationsWithOneOrMoreUnits() {
        assertThat(TimeSpan.parse("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(TimeSpan.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(TimeSpan.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimeSpan.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TimeSpan.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(TimeSpan.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(TimeSpan.parse("0ms")).isZero();
        assertThatThrownBy(() -> TimeSpan.parse("200")).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> TimeSpan.parse("5 m")).hasMessageContaining("is not a duration");
        assertThat(TimeSpan.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(TimeSpan.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(TimeSpan.parse(TimeSpan.format(Duration.ofMillis(3_723_004)))).isEqualTo(Duration.ofMillis(3_723_004));
    }
}
