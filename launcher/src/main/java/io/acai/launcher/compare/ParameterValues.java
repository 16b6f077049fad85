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

    /**
     * Each parameter's short label ({@code bandwidthFrom}, {@code cloud~edge-far.bandwidthFrom}), as run ids have it;
     * a name that is not a path (a campaign's own label such as {@code up-link}) as it is.
     */
    static Map<String, String> labels(List<String> paths) {
        List<String> parsedPaths = new ArrayList<>();
        List<ConfigPath> parsed = new ArrayList<>();
        for (String path : paths) {
            try {
                parsed.add(ConfigPath.parse(path));
                parsedPaths.add(path);
            } catch (ConfigPathException e) {
                // a label, kept as written
            }
        }
        List<String> labels = RunId.labels(parsed);
        Map<String, String> out = new LinkedHashMap<>();
        for (String path : paths) {
            int i = parsedPaths.indexOf(path);
            out.put(path, i < 0 ? path : labels.get(i));
        }
        return out;
    }
}
