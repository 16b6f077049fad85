package io.acai.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSettingsTest {

    private static final String CONFIG = """
            {"machines": [
              {"name": "cloud", "category": "server", "app": {"epochs": 2}},
              {"name": "edge-near", "category": "client", "app": {"rate": 4, "driftAfter": "40s"}},
              {"name": "edge-plain", "category": "client"},
              {"name": "edge-data", "category": "client", "app": {"data": "frames", "rate": 2}},
              {"name": "edge-night", "category": "client", "app": {"data": "frames", "dataDrift": "night", "rate": 1,
                                                                    "driftAfter": "20s"}},
              {"name": "edge-own", "category": "client", "command": ["sh"], "args": ["-c", "true"]},
              {"name": "edge-near-static", "category": "client", "app": {"controlOf": "edge-near"}}
            ]}""";

    @TempDir
    Path dir;

    @Test
    void readsEachEdgesDriftFrameWithTheAppsDefaultsAndTheControls() throws Exception {
        RunSettings settings = RunSettings.fromConfig(new ObjectMapper().readTree(CONFIG));

        assertThat(settings.drift("edge-near")).isEqualTo(new EdgeDrift(160, 4, ""));
        // 20 s at 10 frames/s when the config says neither
        assertThat(settings.drift("edge-plain")).isEqualTo(new EdgeDrift(200, 10, ""));
        assertThat(settings.drift("edge-data").why()).isEqualTo("no drift (edge-data reads a dataset without dataDrift)");
        // photos drift as scenes do: from frame driftAfter x rate on
        assertThat(settings.drift("edge-night")).isEqualTo(new EdgeDrift(20, 1, ""));
        assertThat(settings.drift("edge-own").why()).isEqualTo("drift onset unknown (edge-own runs its own command line)");
        // a control sees the frames of the edge it controls
        assertThat(settings.drift("edge-near-static")).isEqualTo(new EdgeDrift(160, 4, ""));
        assertThat(settings.drift("cloud").known()).isFalse();
        assertThat(settings.controlOf()).containsExactly(java.util.Map.entry("edge-near-static", "edge-near"));
        assertThat(settings.controlFor("edge-near")).contains("edge-near-static");
        assertThat(settings.controlFor("edge-plain")).isEmpty();
        assertThat(settings.isControl("edge-near-static")).isTrue();
    }

    @Test
    void aGroupStandsForEachOfItsMembers() throws Exception {
        RunSettings settings = RunSettings.fromConfig(new ObjectMapper().readTree("""
                {"machines": [
                  {"name": "cam", "category": "client", "count": 12, "app": {"rate": 1, "driftAfter": "30s"}},
                  {"name": "cam-static", "category": "client", "app": {"controlOf": "cam-07"}}
                ]}"""));

        assertThat(settings.drift("cam-00")).isEqualTo(new EdgeDrift(30, 1, ""));
        assertThat(settings.drift("cam-11")).isEqualTo(new EdgeDrift(30, 1, ""));
        assertThat(settings.drift("cam").known()).as("the group is no edge").isFalse();
        assertThat(settings.drift("cam-static")).isEqualTo(new EdgeDrift(30, 1, ""));
        assertThat(settings.controlFor("cam-07")).contains("cam-static");
    }

    @Test
    void aBadDriftAfterIsUnknownNamingTheField() throws Exception {
        RunSettings settings = RunSettings.fromConfig(new ObjectMapper().readTree(
                "{\"machines\": [{\"name\": \"e\", \"category\": \"client\", \"app\": {\"driftAfter\": \"soon\"}}]}"));

        assertThat(settings.drift("e").why()).startsWith("drift onset unknown (e.app.driftAfter or rate: ")
                .contains("is not a duration");
    }

    @Test
    void readsTheConfigOfRunJsonAndSaysWhyWhenThereIsNone() throws Exception {
        assertThat(RunSettings.read(dir).drift("edge-near").why())
                .isEqualTo("drift onset unknown (no run.json in the logs folder)");

        Files.writeString(dir.resolve("run.json"), "{\"projectVersion\": \"1\", \"parameters\": {}}");
        assertThat(RunSettings.read(dir).drift("edge-near").why())
                .isEqualTo("drift onset unknown (run.json has no config object)");

        Files.writeString(dir.resolve("run.json"), "{\"projectVersion\": \"1\", \"config\": " + CONFIG + "}");
        assertThat(RunSettings.read(dir).drift("edge-near").driftFrame()).isEqualTo(160);

        Files.writeString(dir.resolve("run.json"), "{\"config\": ");
        assertThat(RunSettings.read(dir).drift("edge-near").why()).startsWith("drift onset unknown (run.json cannot be read: ");
    }
}
