package io.acai.launcher.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.acai.launcher.campaign.ConfigPath;
import io.acai.launcher.campaign.ConfigPathException;
import io.acai.launcher.campaign.RunId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a swept value and a parameter path are written in labels: short labels as the run ids have them. */
final class ParameterValues {

    private ParameterValues() {
    }

    /** A value as text: a string as it is, a number plainly, anything else as JSON. */
    static String text(JsonNode value) {
        return value.isTextual() ? value.asText()
                : value.isBigDecimal() ? value.decimalValue().toPlainString() : value.toString();
    }

    /** Each path's short label ({@code bandwidthFrom}, {@code cloud~edge-far.bandwidthFrom}), as run ids have it. */
    static Map<String, String> labels(List<String> paths) {
        List<ConfigPath> parsed = new ArrayList<>();
        for (String path : paths) {
            try {
                parsed.add(ConfigPath.parse(path));
            } catch (ConfigPathException e) {
                Map<String, String> asWritten = new LinkedHashMap<>();
                paths.forEach(p -> asWritten.put(p, p));
                return asWritten;
            }
        }
        List<String> labels = RunId.labels(parsed);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            out.put(paths.get(i), labels.get(i));
        }
        return out;
    }
}
