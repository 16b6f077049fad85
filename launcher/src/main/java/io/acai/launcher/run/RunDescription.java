package io.acai.launcher.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acai.launcher.kubernetes.ProjectImages;
import io.acai.records.AtomicFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code <logs>/run.json}: what a run ran, written at its start by every run (plain {@code run} and each
 * run of a campaign) and rewritten, atomically, with {@code completedAt} and {@code exitCode} when it
 * ends without being stopped by a signal. A folder whose {@code run.json} has no {@code completedAt}
 * holds a partial run.
 *
 * <pre>{@code
 * {"projectVersion": "0.1.0-SNAPSHOT", "startedAt": 1765061234567, "configFile": "/abs/user_config.json",
 *  "config": {...the resolved user config, same format as user_config.json...},
 *  "parameters": {"machines[cloud].app.minRetrainImages": 20}, "labels": {"machines[cloud].app.minRetrainImages": "minimum"},
 *  "seed": 2, "repeat": 2, "campaign": "threshold",
 *  "completedAt": 1765061534567, "exitCode": 0}
 * }</pre>
 *
 * @param config the config that ran, with the command line's overrides and the campaign's values applied; written
 *     without its tokens ({@link TokenRedaction})
 * @param parameters swept path to value (empty for a plain run)
 * @param labels swept path to the label the campaign gives it (only those it gives one; written only when any)
 * @param seed {@code experiment.seed} of the run, null when the config gives none
 * @param repeat repeat number (from 1) in a campaign, null for a plain run
 * @param campaign the campaign's name, null for a plain run
 * @param completedAt epoch ms of the end, null while running or when the run was stopped
 * @param exitCode the run's exit code once completed (0 clean, 1 failed start, 3 a machine ended)
 */
public record RunDescription(String projectVersion, long startedAt, String configFile, JsonNode config,
        Map<String, JsonNode> parameters, Map<String, String> labels, Long seed, Integer repeat, String campaign, Long completedAt,
        Integer exitCode) {

    /** File name in a run's logs folder. */
    public static final String FILE = "run.json";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public RunDescription {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** A run starting now, of this project's version. */
    public static RunDescription starting(Path configFile, JsonNode config, Map<String, JsonNode> parameters,
            Map<String, String> labels, Long seed, Integer repeat, String campaign) {
        return new RunDescription(ProjectImages.VERSION, System.currentTimeMillis(),
                configFile.toAbsolutePath().normalize().toString(), config, parameters, labels, seed, repeat, campaign,
                null, null);
    }

    /** The same run, completed now with {@code code}. */
    public RunDescription completed(int code) {
        return new RunDescription(projectVersion, startedAt, configFile, config, parameters, labels, seed, repeat,
                campaign, System.currentTimeMillis(), code);
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    /** Writes {@code <logsDir>/run.json}, replacing it atomically. */
    public void write(Path logsDir) throws IOException {
        AtomicFile.write(logsDir.resolve(FILE), (JSON.writeValueAsString(toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("projectVersion", projectVersion);
        out.put("startedAt", startedAt);
        out.put("configFile", configFile);
        out.set("config", config == null ? out.nullNode() : TokenRedaction.config(config));
        ObjectNode values = out.putObject("parameters");
        parameters.forEach((path, value) -> values.set(path, value.deepCopy()));
        if (!labels.isEmpty()) {
            ObjectNode names = out.putObject("labels");
            labels.forEach(names::put);
        }
        if (seed == null) {
            out.putNull("seed");
        } else {
            out.put("seed", seed);
        }
        if (repeat == null) {
            out.putNull("repeat");
        } else {
            out.put("repeat", repeat);
        }
        out.put("campaign", campaign);
        if (completedAt != null) {
            out.put("completedAt", completedAt);
            out.put("exitCode", exitCode);
        }
        return out;
    }

    /**
     * Reads {@code <logsDir>/run.json}.
     *
     * @throws IOException when it cannot be read or is not a run description, with the file named
     */
    public static RunDescription read(Path logsDir) throws IOException {
        Path file = logsDir.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("startedAt").canConvertToLong()
                || !root.path("startedAt").isIntegralNumber()) {
            throw new IOException(file + ": not a run description (expected: an object with startedAt in epoch ms)");
        }
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        root.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue()));
        Map<String, String> labels = new LinkedHashMap<>();
        root.path("labels").properties().stream().filter(e -> e.getValue().isTextual())
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new RunDescription(root.path("projectVersion").asText(null), root.get("startedAt").asLong(),
                root.path("configFile").asText(null), root.get("config"), parameters, labels,
                root.path("seed").isIntegralNumber() ? root.get("seed").asLong() : null,
                root.path("repeat").isIntegralNumber() ? root.get("repeat").asInt() : null,
                root.path("campaign").isTextual() ? root.get("campaign").asText() : null,
                root.path("completedAt").isIntegralNumber() ? root.get("completedAt").asLong() : null,
                root.path("exitCode").isIntegralNumber() ? root.get("exitCode").asInt() : null);
    }
}
