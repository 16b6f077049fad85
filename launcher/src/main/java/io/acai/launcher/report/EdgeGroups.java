package io.acai.launcher.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.launcher.config.MachineGroups;
import io.acai.launcher.metrics.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The edges of a run in the groups the report aggregates them by: each group of identical edges of the config
 * ({@code "count": N} in {@code run.json}'s config, members {@code <name>-0} to {@code <name>-<N-1>}), then the learning
 * edges in no group ({@value #OTHERS}, or {@value #ALL} when the config has no group), then the static controls
 * ({@value #CONTROLS}), which see their edges' frames with the starting model and would blur a learning group's
 * spread. Empty groups are left out.
 *
 * @param members each group's edges by the group's label, in the order above
 */
public record EdgeGroups(Map<String, List<String>> members) {

    public static final String ALL = "edges";
    public static final String OTHERS = "other edges";
    public static final String CONTROLS = "static controls";

    public EdgeGroups {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        members.forEach((group, edges) -> copy.put(group, List.copyOf(edges)));
        members = java.util.Collections.unmodifiableMap(copy);
    }

    /** The groups of the edges in {@code logs}, from its {@code run.json} when it has one. */
    public static EdgeGroups of(ExperimentLogs logs) {
        Map<String, String> groupOf = configGroups(logs);
        Map<String, List<String>> members = new LinkedHashMap<>();
        new java.util.LinkedHashSet<>(groupOf.values()).forEach(g -> members.put(g, new ArrayList<>()));
        String others = groupOf.isEmpty() ? ALL : OTHERS;
        members.put(others, new ArrayList<>());
        members.put(CONTROLS, new ArrayList<>());
        for (EdgeLogs edge : logs.edges()) {
            String group = logs.controlOf(edge.name()).isPresent() ? CONTROLS
                    : groupOf.getOrDefault(edge.name(), others);
            members.get(group).add(edge.name());
        }
        members.values().removeIf(List::isEmpty);
        return new EdgeGroups(members);
    }

    /** Whether {@code group} is the static controls'. */
    public static boolean isControls(String group) {
        return CONTROLS.equals(group);
    }

    /** Each member of a group of client machines in {@code run.json}'s config, to the group's name. */
    private static Map<String, String> configGroups(ExperimentLogs logs) {
        java.nio.file.Path file = logs.dir().resolve(RunSettings.RUN_JSON);
        Map<String, String> groupOf = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return groupOf;
        }
        try {
            for (JsonNode machine : new ObjectMapper().readTree(file.toFile()).path("config").path("machines")) {
                JsonNode count = machine.path(MachineGroups.FIELD);
                if ("client".equals(machine.path("category").asText()) && machine.path("name").isTextual()
                        && count.canConvertToInt() && count.asInt() >= 1) {
                    String group = machine.get("name").asText();
                    MachineGroups.names(group, count.asInt()).forEach(member -> groupOf.put(member, group));
                }
            }
        } catch (IOException e) {
            // MachineLimits and RunSettings note an unreadable run.json; the edges are then one group
        }
        return groupOf;
    }
}
