package io.acai.launcher.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One run of a campaign, before it is validated.
 *
 * @param index position in the campaign, from 1 (also the suffix of its Kubernetes namespace)
 * @param id its folder's name under the campaign's logs ({@link RunId})
 * @param parameters each swept path, as written in the campaign, to its value in this run
 * @param labels each swept path that the campaign gives a {@code "label"} to that label
 * @param repeat repeat number, from 1
 * @param seed the run's {@code experiment.seed}
 * @param config the base config with the values and the seed applied
 */
public record CampaignRun(int index, String id, Map<String, JsonNode> parameters, Map<String, String> labels, int repeat,
        long seed, ObjectNode config) {

    public CampaignRun {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** {@code path=value, ...} as in a listing ({@code (base)} when nothing is swept). */
    public String describeValues() {
        if (parameters.isEmpty()) {
            return "(base)";
        }
        return parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
