package io.acai.launcher.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import io.acai.launcher.kubernetes.ProjectImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunDescriptionTest {

    @TempDir
    Path logs;

    @Test
    void aPlainRunIsWrittenWithNullsAndEmptyParametersThenCompleted() throws Exception {
        var config = new ObjectMapper().readTree("{\"experiment\": {\"name\": \"x\"}, \"machines\": []}");
        RunDescription started = RunDescription.starting(Path.of("user_config.json"), config, Map.of(), Map.of(), null, null, null);
        started.write(logs);
        String text = Files.readString(logs.resolve(RunDescription.FILE));
        assertThat(text).contains("\"projectVersion\" : \"" + ProjectImages.VERSION + "\"", "\"parameters\" : { }",
                "\"seed\" : null", "\"repeat\" : null", "\"campaign\" : null", "\"name\" : \"x\"").doesNotContain("completedAt", "labels");
        RunDescription read = RunDescription.read(logs);
        assertThat(read.isCompleted()).isFalse();
        assertThat(read.configFile()).endsWith("user_config.json").startsWith("/");
        assertThat(read.config()).isEqualTo(config);

        started.completed(3).write(logs);
        RunDescription done = RunDescription.read(logs);
        assertThat(done.isCompleted()).isTrue();
        assertThat(done.exitCode()).isEqualTo(3);
        assertThat(done.completedAt()).isGreaterThanOrEqualTo(done.startedAt());
    }

    @Test
    void noTokenIsWritten() throws Exception {
        var config = new ObjectMapper().readTree("""
                {"experiment": {"name": "x"}, "machines": [
                  {"name": "cloud", "category": "server", "app": {"token": "s3cret-1"}},
                  {"name": "cam", "category": "client", "args": ["{}", "--token", "s3cret-2", "--rate=4"]},
                  {"name": "own", "category": "client", "command": ["run-it", "--token=s3cret-3"]}]}
                """);
        RunDescription.starting(Path.of("c.json"), config, Map.of(), Map.of(), null, null, null).write(logs);

        String text = Files.readString(logs.resolve(RunDescription.FILE));
        assertThat(text).doesNotContain("s3cret");
        var written = RunDescription.read(logs).config();
        assertThat(written.at("/machines/0/app/token").asText()).isEqualTo("(set; not shown)");
        assertThat(written.at("/machines/1/args").toString()).isEqualTo("[\"{}\",\"--token\",\"(set; not shown)\",\"--rate=4\"]");
        assertThat(written.at("/machines/2/command/1").asText()).isEqualTo("--token=(set; not shown)");
        assertThat(config.at("/machines/0/app/token").asText()).as("the run's own config untouched").isEqualTo("s3cret-1");
    }

    @Test
    void aCampaignRunKeepsItsParametersInOrder() throws Exception {
        RunDescription run = RunDescription.starting(Path.of("base.json"), null,
                new java.util.LinkedHashMap<>(Map.of("machines[cloud].app.minRetrainImages", IntNode.valueOf(20))),
                Map.of("machines[cloud].app.minRetrainImages", "minimum"), 6L, 2, "c");
        run.write(logs);
        RunDescription read = RunDescription.read(logs);
        assertThat(read.parameters()).containsEntry("machines[cloud].app.minRetrainImages", IntNode.valueOf(20));
        assertThat(read.labels()).containsExactlyEntriesOf(Map.of("machines[cloud].app.minRetrainImages", "minimum"));
        assertThat(read.seed()).isEqualTo(6L);
        assertThat(read.repeat()).isEqualTo(2);
        assertThat(read.campaign()).isEqualTo("c");
    }

    @Test
    void aFileThatIsNotARunDescriptionIsNamed() throws Exception {
        Files.writeString(logs.resolve(RunDescription.FILE), "{\"startedAt\": \"soon\"}");
        assertThatThrownBy(() -> RunDescription.read(logs)).isInstanceOf(IOException.class)
                .hasMessageContaining("run.json: not a run description");
        Files.writeString(logs.resolve(RunDescription.FILE), "{\"startedAt\": ");
        assertThatThrownBy(() -> RunDescription.read(logs)).hasMessageContaining("run.json: malformed JSON");
    }
}
