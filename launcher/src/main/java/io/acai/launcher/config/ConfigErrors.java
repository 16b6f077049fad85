package io.acai.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a config while it is read, so that the user sees them all at once. */
final class ConfigErrors {

    private final List<ConfigError> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(new ConfigError(path, message));
    }

    /** {@code path: <value as JSON> <problem>}, as in {@code machines[2].port: "x" is not a port (expected: 1 to 65535)}. */
    void reject(String path, JsonNode value, String problem) {
        add(path, value + " " + problem);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ConfigError> list() {
        return List.copyOf(errors);
    }
}
