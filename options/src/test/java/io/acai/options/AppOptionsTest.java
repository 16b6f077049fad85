package io.acai.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The options both apps take, each a mixin: parsed, defaulted and listed in the order of the mixin fields. */
class AppOptionsTest {

    @Command(name = "app", sortOptions = false)
    static final class App {
        @Mixin
        ModelOption model;
        @Mixin
        RunDurationOption duration;
        @Mixin
        TokenOption token;
        @Mixin
        HeartbeatOption heartbeat;
    }

    private static App parse(String... args) {
        App app = new App();
        new CommandLine(app).parseArgs(args);
        return app;
    }

    @Test
    void givenValuesAreRead() throws Exception {
        App app = parse("--model", "m.cfg,m.weights,m.names", "--duration", "2m", "--token", "t", "--heartbeat", "500ms");

        assertThat(app.model.location()).contains("m.cfg,m.weights,m.names");
        assertThat(app.duration.duration()).contains(Duration.ofMinutes(2));
        assertThat(app.token.token()).isEqualTo("t");
        assertThat(app.heartbeat.interval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void defaultsAreTheDefaultModelNoLimitNoTokenAndFiveSeconds() throws Exception {
        App app = parse();

        assertThat(app.model.location()).isEmpty();
        assertThat(app.duration.duration()).isEmpty();
        assertThat(app.token.token(java.util.Map.of())).isEmpty();
        assertThat(app.heartbeat.interval()).isEqualTo(HeartbeatOption.DEFAULT_INTERVAL).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBadDurationNamesTheOption() {
        assertThatThrownBy(() -> parse("--duration", "soon")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--duration").hasMessageContaining("soon");
        assertThatThrownBy(() -> parse("--heartbeat", "often")).hasMessageContaining("--heartbeat");
    }

    @Test
    void theUsageListsThemInFieldOrderWithTheirDefaults() {
        StringWriter usage = new StringWriter();
        new CommandLine(new App()).usage(new PrintWriter(usage));

        assertThat(usage.toString()).containsSubsequence("--model=DIR|cfg,weights,names", "the model to start from",
                "--duration=<duration>", "run until stopped", "--token=T", "shows in ps", "(default: none)",
                "--token-file=PATH", "ACAI_TOKEN",
                "--heartbeat=<heartbeat>", "(default: 5s)");
    }
}
