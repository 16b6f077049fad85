package io.acai.launcher.config;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A config file that cannot be used, with every problem found in it (not just the first). */
public class ConfigException extends Exception {

    private final Path file;
    private final List<ConfigError> errors;

    public ConfigException(Path file, List<ConfigError> errors) {
        super(file + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "\n"
                + errors.stream().map(e -> "  " + e.describe()).collect(Collectors.joining("\n")));
        this.file = file;
        this.errors = List.copyOf(errors);
    }

    public Path file() {
        return file;
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
