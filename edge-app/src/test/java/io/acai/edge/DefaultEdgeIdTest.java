package io.acai.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DefaultEdgeIdTest {

    @Test
    void theLaunchersMachineVariableComesFirst() {
        assertThat(DefaultEdgeId.of(Map.of("ACAI_MACHINE", "edge-far"), "edge-near-7d9f8b6c5-x2x4z")).contains("edge-far");
    }

    @Test
    void aDeploymentPodIsNamedForItsDeployment() {
        assertThat(DefaultEdgeId.of(Map.of(), "yolo-client-0-5c7d8f9b6d-k2j4x")).contains("yolo-client-0");
        assertThat(DefaultEdgeId.of(Map.of("ACAI_MACHINE", "Not_A_Name"), "edge-1-7d9f8b6c5-x2x4z")).contains("edge-1");
    }

    @Test
    void anyOtherHostKeepsItsFirstLabelLowerCased() {
        assertThat(DefaultEdgeId.of(Map.of(), "Laptop.example.org")).contains("laptop");
        assertThat(DefaultEdgeId.of(Map.of(), "camera-3")).contains("camera-3");
    }

    @Test
    void aHostNameThatIsNoMachineNameGivesNone() {
        assertThat(DefaultEdgeId.of(Map.of(), "10.0.0.7")).isEmpty();
        assertThat(DefaultEdgeId.of(Map.of(), "")).isEmpty();
        assertThat(DefaultEdgeId.of(Map.of(), null)).isEmpty();
    }

    @Test
    void theOriginalsSevenArgumentsTakeTheIdFromTheEnvironment() throws Exception {
        EdgeCommand command = new EdgeCommand();
        new CommandLine(command).parseArgs("cloud", "9876", "edge_inf.log", "edge_update.log", "edge_inf.csv",
                "edge_update.csv", "10");
        command.environment = Map.of("ACAI_MACHINE", "yolo-client-1");
        assertThat(command.config().edgeId()).isEqualTo("yolo-client-1");

        command.environment = Map.of();
        command.hostName = "yolo-client-2-6b8d9c7f5-q8w2e";
        assertThat(command.config().edgeId()).isEqualTo("yolo-client-2");
        assertThat(command.config().requestsPerSecond()).isEqualTo(10.0);
    }

    @Test
    void sevenArgumentsOnAHostWithoutAMachineNameAreAUsageErrorSayingSo() {
        EdgeCommand command = new EdgeCommand();
        new CommandLine(command).parseArgs("cloud", "9876", "a.log", "b.log", "a.csv", "b.csv", "10");
        command.environment = Map.of();
        command.hostName = "192.168.1.20";
        assertThatThrownBy(command::config).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<edge id> : not given").hasMessageContaining("'192.168.1.20'");
    }
}
