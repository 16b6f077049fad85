package io.acai.launcher.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.launcher.config.MachineGroups;
import io.acai.options.TimeSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the metrics need from a run's config and cannot find in its files: each edge's drift onset and which edge is
 * the static control of which. Read from the user config (the format of {@code user_config.json}): an edge's
 * {@code app.rate} (default 10 frames/s) and {@code app.driftAfter} (default 20 s; no drift when it reads
 * {@code app.data}), and {@code app.controlOf} on a control edge, which sees the frames of the edge it names and so
 * shares its drift. A group of identical edges ({@code "count": N}) stands for each of its members. {@code report}
 * reads the config from {@code <logs>/run.json}'s {@code config} field.
 *
 * @param drifts    each edge's drift, by edge name
 * @param controlOf each control edge's name to the name of the edge it is the control of
 * @param whyUnknown why the drift of an edge not in {@code drifts} is not known
 */
public record RunSettings(Map<String, EdgeDrift> drifts, Map<String, String> controlOf, String whyUnknown) {

    /** The run description the launcher writes into the logs folder; its {@code config} is the resolved config. */
    public static final String RUN_JSON = "run.json";

    public RunSettings {
        drifts = Map.copyOf(drifts);
        controlOf = Map.copyOf(controlOf);
    }

    /** Nothing known: every edge's drift is unknown for the reason given. */
    public static RunSettings unknown(String why) {
        return new RunSettings(Map.of(), Map.of(), why);
    }

    /** The settings in {@code <logs>/run.json}, or unknown (saying why) when it is absent or unreadable. */
    public static RunSettings read(Path logsDir) {
        Path file = logsDir.resolve(RUN_JSON);
        if (!Files.isRegularFile(file)) {
            return unknown("drift onset unknown (no " + RUN_JSON + " in the logs folder)");
        }
        try {
            JsonNode config = new ObjectMapper().readTree(file.toFile()).path("config");
            if (!config.isObject()) {
                return unknown("drift onset unknown (" + RUN_JSON + " has no config object)");
            }
            return fromConfig(config);
        } catch (IOException e) {
            return unknown("drift onset unknown (" + RUN_JSON + " cannot be read: " + e.getMessage() + ")");
        }
    }

    /** The settings of a user config file. */
    public static RunSettings readConfig(Path configFile) throws IOException {
        return fromConfig(new ObjectMapper().readTree(configFile.toFile()));
    }

    /** The settings of a user config: its {@code machines} of category {@code client}. */
    public static RunSettings fromConfig(JsonNode config) {
        Map<String, JsonNode> edges = new LinkedHashMap<>();
        for (JsonNode machine : config.path("machines")) {
            if ("client".equals(machine.path("category").asText()) && machine.path("name").isTextual()) {
                JsonNode count = machine.path(MachineGroups.FIELD);
                if (count.canConvertToInt() && count.asInt() >= 1) {
                    MachineGroups.names(machine.get("name").asText(), count.asInt())
                            .forEach(member -> edges.put(member, machine));
                } else {
                    edges.put(machine.get("name").asText(), machine);
                }
            }
        }
        Map<String, String> controlOf = new TreeMap<>();
        Map<String, EdgeDrift> drifts = new LinkedHashMap<>();
        edges.forEach((name, machine) -> {
            JsonNode controlled = machine.path("app").path("controlOf");
            JsonNode framesOf = machine;
            if (controlled.isTextual()) {
                controlOf.put(name, controlled.asText());
                framesOf = edges.getOrDefault(controlled.asText(), machine);
            }
            drifts.put(name, drift(framesOf));
        });
        return new RunSettings(drifts, controlOf, "drift onset unknown (not an edge of the config)");
    }

    private static EdgeDrift drift(JsonNode machine) {
        String name = machine.path("name").asText();
        if (machine.has("command") || machine.has("args")) {
            return EdgeDrift.none("drift onset unknown (" + name + " runs its own command line)");
        }
        JsonNode app = machine.path("app");
        if (app.has("data") && !app.has("dataDrift")) {
            return EdgeDrift.none("no drift (" + name + " reads a dataset without dataDrift)");
        }
        double rate = app.path("rate").isNumber() ? app.get("rate").asDouble() : EdgeDrift.DEFAULT_RATE;
        try {
            Duration after = app.has("driftAfter") ? TimeSpan.parse(app.get("driftAfter").asText())
                    : EdgeDrift.DEFAULT_DRIFT_AFTER;
            return EdgeDrift.after(after, rate);
        } catch (IllegalArgumentException e) {
            return EdgeDrift.none("drift onset unknown (" + name + ".app.driftAfter or rate: " + e.getMessage() + ")");
        }
    }

    /** The edge's drift, or none with the reason it is not known. */
    public EdgeDrift drift(String edge) {
        return drifts.getOrDefault(edge, EdgeDrift.none(whyUnknown));
    }

    /** The control of {@code edge}: the first, by name, of the controls that name it. */
    public Optional<String> controlFor(String edge) {
        return new TreeMap<>(controlOf).entrySet().stream().filter(e -> e.getValue().equals(edge))
                .map(Map.Entry::getKey).findFirst();
    }

    public boolean isControl(String edge) {
        return controlOf.containsKey(edge);
    }
}
