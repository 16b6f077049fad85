package io.acai.launcher.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrainReachTest {

    private static final String CONFIG = """
            {"machines": [
              {"name": "cloud", "category": "server", "app": {"minRetrainImages": %s}},
              {"name": "edge-a", "category": "client", "app": {"uploadThreshold": 20}},
              {"name": "edge-b", "category": "client", %s},
              {"name": "edge-a-static", "category": "client", "app": {"controlOf": "edge-a"}}]}
            """;

    private static void parse(String minImages, String edgeB) throws ConfigException {
        UserConfigReader.parse(CONFIG.formatted(minImages, edgeB), Path.of("c.json"), Path.of("."), null);
    }

    @Test
    void aCloudThatWaitsForMoreImagesThanTheEdgesSendBeforeAModelIsRefusedNamingBothFields() {
        assertThatThrownBy(() -> parse("41", "\"app\": {\"uploadThreshold\": 20}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("machines[0].app.minRetrainImages: 41 is more than the learning edges' upload"
                        + " thresholds add up to, 40 (machines[1].app.uploadThreshold = 20, machines[2].app.uploadThreshold"
                        + " = 20)")
                .hasMessageContaining("the cloud would never retrain");
    }

    @Test
    void theAppsDefaultsAndArgsCountAndControlsDoNot() throws ConfigException {
        assertThatCode(() -> parse("40", "\"app\": {\"uploadThreshold\": 20}")).doesNotThrowAnyException();
        // the edge app's default threshold is 50
        assertThatCode(() -> parse("70", "\"app\": {}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> parse("71", "\"app\": {}")).hasMessageContaining("machines[2].app.uploadThreshold = 50");
        assertThatThrownBy(() -> parse("71", "\"args\": [\"{}\", \"5000\", \"a\", \"b\", \"c\", \"d\", \"4\", \"edge-b\","
                + " \"--upload-threshold\", \"5\"]")).hasMessageContaining("machines[2].args --upload-threshold = 5");
        // a command of its own: the launcher cannot know what it sends
        assertThatCode(() -> parse("1000", "\"command\": [\"/bin/true\"]")).doesNotThrowAnyException();
        assertThat(RetrainReach.CLOUD_DEFAULT_MIN_RETRAIN_IMAGES).isZero();
    }
}
