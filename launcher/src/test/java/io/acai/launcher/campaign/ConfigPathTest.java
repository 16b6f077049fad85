package io.acai.launcher.campaign;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigPathTest {

    private static ObjectNode base() throws Exception {
        return (ObjectNode) CampaignSpec.JSON.readTree(CampaignFiles.BASE);
    }

    private static ObjectNode applied(String path, Object value) throws Exception {
        ObjectNode config = base();
        ConfigPath.parse(path).apply(config, value instanceof Integer i ? IntNode.valueOf(i) : TextNode.valueOf((String) value));
        return config;
    }

    @Test
    void setsAValueByMachineNameConnectionPairIndexOrPlainField() throws Exception {
        assertThat(applied("machines[cloud].app.minRetrainImages", 20).at("/machines/0/app/minRetrainImages").asInt()).isEqualTo(20);
        assertThat(applied("connections[edge-far~cloud].latency", "50ms").at("/connections/1/latency").asText()).isEqualTo("50ms");
        assertThat(applied("machines[2].app.rate", 8).at("/machines/2/app/rate").asInt()).isEqualTo(8);
        assertThat(applied("experiment.duration", "2m").at("/experiment/duration").asText()).isEqualTo("2m");
        assertThat(applied("machines[edge-far].resources.limits.cpu", "500m").at("/machines/2/resources/limits/cpu").asText())
                .as("objects the base leaves out are created").isEqualTo("500m");
    }

    @Test
    void anUnknownMachineNamesWhatExists() {
        assertThatThrownBy(() -> applied("machines[edge-x].app.rate", 2)).isInstanceOf(ConfigPathException.class)
                .hasMessage("machines[edge-x].app.rate: machines[edge-x]: no machine named edge-x "
                        + "(machines: cloud, edge-near, edge-far)");
    }

    @Test
    void anUnknownConnectionNamesEveryPair() {
        assertThatThrownBy(() -> applied("connections[edge-near~edge-far].bandwidth", "1mbps"))
                .hasMessage("connections[edge-near~edge-far].bandwidth: connections[edge-near~edge-far]: no connection between "
                        + "edge-near and edge-far (connections: cloud~edge-near, cloud~edge-far)");
    }

    @Test
    void anIndexOutOfRangeSaysTheRange() {
        assertThatThrownBy(() -> applied("machines[3].app.rate", 2))
                .hasMessage("machines[3].app.rate: machines[3]: index 3 is out of range (machines has 3 entries: 0 to 2)");
    }

    @Test
    void aFieldThatIsNotAnObjectOrAnArrayIsNamed() {
        assertThatThrownBy(() -> applied("machines[cloud].name.first", "x"))
                .hasMessageContaining("machines[cloud].name is \"cloud\", not an object");
        assertThatThrownBy(() -> applied("experiment[0]", "x"))
                .hasMessage("experiment[0]: experiment is not an array (expected: an array to pick [0] from)");
        assertThatThrownBy(() -> applied("machine[cloud].port", 1))
                .hasMessageContaining("machine is not in the config");
    }

    @Test
    void textThatIsNotAPathIsRefusedWithThePart() {
        assertThatThrownBy(() -> ConfigPath.parse("machines[cloud.app")).isInstanceOf(ConfigPathException.class)
                .hasMessageContaining("\"machines[cloud\" is not a path segment");
        assertThatThrownBy(() -> ConfigPath.parse("machines[].app")).hasMessageContaining("[] is empty");
        assertThatThrownBy(() -> ConfigPath.parse("experiment..duration")).hasMessageContaining("\"\" is not a path segment");
    }
}
