package io.acai.launcher.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which edges of a logs folder are static controls, and of which edge: read from {@code <logs>/run.json}, which
 * every run writes with the config it ran under {@code config} (the format of {@code user_config.json}), so a
 * control is a {@code config.machines[i]} with {@code app.controlOf}. A folder without {@code run.json} (a run
 * of an earlier version) has no controls; one that cannot be read is noted and has none either.
 */
final class RunControls {

    /** The run's description in its logs folder. */
    static final String RUN_FILE = "run.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunControls() {
    }

    /** Each control's name mapped to its target's, in the config's order; empty without {@code run.json}. */
    static Map<String, String> read(Path logsDir, ReportNotes notes) {
        Path file = logsDir.resolve(RUN_FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            notes.warning(RUN_FILE + ": malformed JSON (" + e.getOriginalMessage() + "); no edge drawn as a control");
            return Map.of();
        } catch (IOException e) {
            notes.warning(RUN_FILE + ": cannot be read (" + e.getMessage() + "); no edge drawn as a control");
            return Map.of();
        }
        Map<String, String> controls = new LinkedHashMap<>();
        for (JsonNode machine : root.path("config").path("machines")) {
            JsonNode target = machine.path("app").path("controlOf");
            if (machine.path("name").isTextual() && target.isTextual()) {
                controls.put(machine.get("name").asText(), target.asText());
            }
        }
        return Collections.unmodifiableMap(controls);
    }
}
