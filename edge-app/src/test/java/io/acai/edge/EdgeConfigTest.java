package io.acai.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EdgeConfigTest {

    private static EdgeConfig.Builder required() {
        return EdgeConfig.builder().setCloudHost("cloud.example").setPort(9000)
                .setInferenceLog(Path.of("inference.log")).setUpdateLog(Path.of("update.log"))
                .setInferenceCsv(Path.of("edge_inf.csv")).setUpdateCsv(Path.of("edge_update.csv"))
                .setRequestsPerSecond(4).setEdgeId("edge-1");
    }

    @Test
    void theCommandLinesDefaultsAreTheBuildersDefaults() throws Exception {
        EdgeCommand command = new EdgeCommand();
        new CommandLine(command).parseArgs("cloud.example", "9000", "inference.log", "update.log", "edge_inf.csv",
                "edge_update.csv", "4", "edge-1");

        EdgeConfig defaults = required().build();
        assertThat(command.config()).isEqualTo(defaults);
        assertThat(defaults.judge()).isEqualTo("classes");
        assertThat(defaults.uploadThreshold()).isEqualTo(50);
        assertThat(defaults.confidence()).isEqualTo(0.8f);
        assertThat(defaults.nms()).isEqualTo(0.3f);
        assertThat(defaults.threads()).isEqualTo(2);
        assertThat(defaults.driftAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.token()).isEmpty();
        assertThat(defaults.data()).isEmpty();
        assertThat(defaults.model()).isEmpty();
        assertThat(defaults.duration()).isEmpty();
        assertThat(defaults.seed()).isEmpty();
        assertThat(defaults.staticControl()).isFalse();
    }

    @Test
    void staticMakesAControlThatNeedsNoCloudPort() throws Exception {
        EdgeCommand command = new EdgeCommand();
        new CommandLine(command).parseArgs("none", "0", "inference.log", "update.log", "edge_inf.csv",
                "edge_update.csv", "4", "edge-1-static", "--static", "--seed", "-12");

        EdgeConfig config = command.config();
        assertThat(config.staticControl()).isTrue();
        assertThat(config.port()).isZero();
        assertThat(config.seed()).contains(-12L);
        assertThatThrownBy(() -> required().setPort(0).optStaticControl(true).setPort(-1).build())
                .hasMessage("<port> : -1 (expected: 0..65535)");
    }

    @Test
    void optionalValuesOverrideTheDefaults() {
        EdgeConfig config = required().optData(Path.of("ds")).optJudge("iou").optConfidence(0.4f)
                .optDuration(Duration.ofMinutes(2)).optSeed(7L).optToken("t").build();

        assertThat(config.data()).contains(Path.of("ds"));
        assertThat(config.judge()).isEqualTo("iou");
        assertThat(config.confidence()).isEqualTo(0.4f);
        assertThat(config.duration()).contains(Duration.ofMinutes(2));
        assertThat(config.seed()).isEqualTo(Optional.of(7L));
        assertThat(config.token()).isEqualTo("t");
    }

    @Test
    void aMissingRequiredValueIsNamed() {
        assertThatThrownBy(() -> required().setEdgeId(null).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("EdgeConfig: edgeId is not set (call setEdgeId)");
        assertThatThrownBy(() -> EdgeConfig.builder().setCloudHost("h").build())
                .hasMessage("EdgeConfig: port is not set (call setPort)");
    }

    @Test
    void valuesOutOfRangeNameTheArgument() {
        assertThatThrownBy(() -> required().setPort(0).build()).hasMessage("<port> : 0 (expected: 1..65535)");
        assertThatThrownBy(() -> required().setRequestsPerSecond(0).build())
                .hasMessage("<requests per second> : 0.0 (expected: > 0)");
        assertThatThrownBy(() -> required().optUploadThreshold(0).build())
                .hasMessage("--upload-threshold : 0 (expected: >= 1)");
        assertThatThrownBy(() -> required().optDriftAfter(Duration.ofSeconds(-1)).build())
                .hasMessage("--drift-after : PT-1S (expected: >= 0)");
    }
}
