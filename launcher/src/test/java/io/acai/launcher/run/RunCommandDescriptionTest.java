package io.acai.launcher.run;

import io.acai.launcher.plan.RuntimeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What a plain {@code run} writes to {@code run.json}: the config file as read, with the command line's overrides. */
class RunCommandDescriptionTest {

    @Test
    void theConfigGetsTheOverridesAndTheSeedComesFromTheConfig(@TempDir Path dir) throws Exception {
        RunCommand command = new RunCommand();
        command.config = Files.writeString(dir.resolve("exp.json"), """
                {"experiment": {"name": "x", "duration": "5m", "seed": 42}, "machines": []}
                """);
        command.choices.runtime = RuntimeKind.KUBERNETES;
        command.duration = Duration.ofSeconds(90);

        RunDescription description = command.describe();

        assertThat(description.config().at("/experiment/duration").asText()).isEqualTo("1m30s");
        assertThat(description.config().at("/runtime").asText()).isEqualTo("kubernetes");
        assertThat(description.config().at("/experiment/name").asText()).isEqualTo("x");
        assertThat(description.seed()).isEqualTo(42L);
        assertThat(description.parameters()).isEmpty();
        assertThat(description.repeat()).isNull();
        assertThat(description.campaign()).isNull();
        assertThat(description.isCompleted()).isFalse();
    }

    @Test
    void noSeedInTheConfigIsNull(@TempDir Path dir) throws Exception {
        RunCommand command = new RunCommand();
        command.config = Files.writeString(dir.resolve("exp.json"), "{\"machines\": []}");
        RunDescription description = command.describe();
        assertThat(description.seed()).isNull();
        assertThat(description.config().has("runtime")).as("no override, nothing added").isFalse();
    }
}
