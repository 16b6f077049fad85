package io.acai.launcher.config;

/**
 * One problem in a config file: where it is (a JSON path like {@code machines[2].resources.limits.cpu},
 * or {@code file:line:column} for malformed JSON) and what is wrong, with the offending value.
 */
public record ConfigError(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
