package io.acai.launcher.campaign;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One swept parameter of a campaign: where in the config ({@code path}) and the values it takes, as
 * JSON values written into the config as they are ({@code "2mbps"}, {@code 20}, {@code "all"}).
 */
public record SweepParameter(ConfigPath path, List<JsonNode> values) {

    public SweepParameter {
        values = List.copyOf(values);
    }
}
