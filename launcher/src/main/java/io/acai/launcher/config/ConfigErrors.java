package io.acai.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem of a config while it is read, so that the user sees them all at once. Each problem
 * gets the {@code file:line} of the value it names; a problem found twice (as the members of a machine group
 * share their entry's fields) is kept once.
 */
final class ConfigErrors {

    private final Set<ConfigError> errors = new LinkedHashSet<>();
    private final Path file;
    private final JsonLines lines;

    /** Errors without locations (a reading whose problems are recorded elsewhere). */
    ConfigErrors() {
        this(null, JsonLines.NONE);
    }

    ConfigErrors(Path file, JsonLines lines) {
        this.file = file;
        this.lines = lines;
    }

    void add(String path, String message) {
        String location = file == null ? "" : lines.line(path).stream().mapToObj(line -> file + ":" + line)
                .findFirst().orElse("");
        errors.add(new ConfigError(path, message, location));
    }

    /** {@code path: <value as JSON> <problem>}, as in {@code machines[2].port: "x" is not a port (expected: 1 to 65535)}. */
    void reject(String path, JsonNode value, String problem) {
        add(path, value + " " + problem);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<ConfigError> list() {
        return List.copyOf(new ArrayList<>(errors));
    }
}
