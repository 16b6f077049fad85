package io.acai.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

class DurationOptionTest {

    @Test
    void readsTheConfigFormBareSecondsASpacedUnitAndIso8601() {
        // the launcher config's form, which the launcher also writes into app command lines
        for (String text : new String[] {"200s", "500ms", "40000ms", "1.5s", "5m", "1h", "1m30s", "250us", ".5s"}) {
            assertThat(DurationOption.parse(text)).as(text).isEqualTo(TimeSpan.parse(text));
        }
        assertThat(DurationOption.parse(" 90 ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationOption.parse("2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(DurationOption.parse("5 m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationOption.parse("PT1M")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void badValueNamesItselfAndTheExpectedForms() {
        assertThatThrownBy(() -> DurationOption.parse("ten seconds"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'ten seconds' (expected: a duration like 200ms, 90s, 5m, 1m30s or PT1M)");
        assertThatThrownBy(() -> DurationOption.parse("-PT5S"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessage("'-PT5S' (expected: a duration of 0 or more)");
    }

    @Command
    static final class Timed {
        @Option(names = "--duration", converter = DurationOption.class)
        Duration duration;
    }

    @Test
    void convertsAPicocliOption() {
        Timed timed = new Timed();
        new CommandLine(timed).parseArgs("--duration", "2m");
        assertThat(timed.duration).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> new CommandLine(new Timed()).parseArgs("--duration", "soon"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--duration")
                .hasMessageContaining("'soon'");
    }
}
