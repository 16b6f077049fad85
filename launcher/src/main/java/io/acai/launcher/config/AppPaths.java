package io.acai.launcher.config;

import io.acai.launcher.plan.RuntimeKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Paths in app options (a model, a dataset folder). For the local runtime they are files of this
 * machine: resolved against the config file's folder, checked to exist, and passed on as absolute
 * paths. For Kubernetes they are paths inside the container (an image or a mounted volume) and pass
 * through unchanged.
 */
final class AppPaths {

    /** The model value that means "the project's default model" (the same as leaving it out). */
    static final String DEFAULT_MODEL = "default";

    private final Path baseDir;
    private final RuntimeKind runtime;

    AppPaths(Path baseDir, RuntimeKind runtime) {
        this.baseDir = baseDir;
        this.runtime = runtime;
    }

    /** The path in {@code node.field} as the app should receive it, or empty when absent or wrong (reported). */
    Optional<String> read(ConfigNode node, String field) {
        Optional<String> value = node.text(field);
        if (value.isEmpty() || value.get().equals(DEFAULT_MODEL) && field.equals("model")) {
            return Optional.empty();
        }
        return check(value.get(), node.path(field), node.errors());
    }

    /** {@code value} as the app should receive it, or empty (reported at {@code path}) when it does not exist locally. */
    Optional<String> check(String value, String path, ConfigErrors errors) {
        if (value.isBlank()) {
            errors.add(path, "\"\" is not a path");
            return Optional.empty();
        }
        if (runtime != RuntimeKind.LOCAL) {
            return Optional.of(value);
        }
        Path resolved = baseDir.resolve(value).toAbsolutePath().normalize();
        if (!Files.exists(resolved) && !Files.exists(Path.of(resolved + ".cfg"))) {
            errors.add(path, "\"" + value + "\" does not exist (looked for " + resolved + ")");
            return Optional.empty();
        }
        return Optional.of(resolved.toString());
    }
}
