package io.acai.launcher.config;

/**
 * One problem in a config file: where it is (a JSON path like {@code machines[2].resources.limits.cpu},
 * or {@code file:line:column} for malformed JSON) and what is wrong, with the offending value.
 *
 * @param location {@code file:line} of the value the path names, or empty when not known
 */
public record ConfigError(String path, String message, String location) {

    public ConfigError(String path, String message) {
        this(path, message, "");
    }

    /** {@code path: message}, the way tests and the {@code .expected} files write an error. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }

    /** {@link #toString()} followed by {@code (file:line)} when the location is known: how the launcher prints it. */
    public String describe() {
        return location.isEmpty() ? toString() : this + " (" + location + ")";
    }
}
