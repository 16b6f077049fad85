package io.acai.launcher.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The legend's short names: long zipped labels pushed the accuracy chart's plot out of its picture. */
class SettingTest {

    private static Setting setting(String label, Object... pathsAndValues) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            Object value = pathsAndValues[i + 1];
            parameters.put((String) pathsAndValues[i],
                    value instanceof Integer n ? IntNode.valueOf(n) : TextNode.valueOf((String) value));
        }
        return new Setting(label, parameters, List.of());
    }

    @Test
    void aShortLabelKeepsTheValuesThatDifferEachOnce() {
        Setting thin = setting("long thin", "connections[cloud~a].bandwidthFrom", "0.25mbps",
                "connections[cloud~b].bandwidthFrom", "0.25mbps", "experiment.duration", "3m30s");
        Setting wide = setting("long wide", "connections[cloud~a].bandwidthFrom", "20mbps",
                "connections[cloud~b].bandwidthFrom", "20mbps", "experiment.duration", "3m30s");
        List<Setting> all = List.of(thin, wide);

        assertThat(thin.shortLabel(all)).isEqualTo("bandwidthFrom=0.25mbps");
        assertThat(wide.shortLabel(all)).isEqualTo("bandwidthFrom=20mbps");
    }

    @Test
    void twoSweptFieldsBothShowAndAPlainRunKeepsItsLabel() {
        Setting a = setting("a", "machines[cloud].app.minRetrainImages", 20, "machines[e].app.uploadThreshold", 10);
        Setting b = setting("b", "machines[cloud].app.minRetrainImages", 40, "machines[e].app.uploadThreshold", 10);
        Setting c = setting("c", "machines[cloud].app.minRetrainImages", 40, "machines[e].app.uploadThreshold", 50);

        assertThat(a.shortLabel(List.of(a, b, c))).isEqualTo("minRetrainImages=20, uploadThreshold=10");
        Setting plain = setting("comment of run A");
        assertThat(plain.shortLabel(List.of(plain, setting("run B")))).isEqualTo("comment of run A");
    }
}
