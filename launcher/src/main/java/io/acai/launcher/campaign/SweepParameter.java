package io.acai.launcher.campaign;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One swept parameter of a campaign: where in the config ({@code path}) and the values it takes, as
 * JSON values written into the config as they are ({@code "2mbps"}, {@code 20}, {@code "all"}), and the
 * name it goes by in run ids and comparisons ({@code label}, null to derive one from the path; zipped
 * parameters with the same label are one axis).
 */
public record SweepParameter(ConfigPath path, List<JsonNode> values, String label) {

    public SweepParameter {
        values = List.copyOf(values);
    }

    /** A parameter without a label. */
    public SweepParameter(ConfigPath path, List<JsonNode> values) {
        this(path, values, null);
    }
}
