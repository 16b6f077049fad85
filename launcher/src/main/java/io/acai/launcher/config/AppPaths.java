package io.acai.launcher.config;

import io.acai.detection.ClassNames;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.records.csv.CsvValues;
import io.acai.scenes.SceneClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Paths in app options: a model ({@code model}: a folder holding one {@code .cfg}, one {@code .weights}
 * and one {@code .names}, or the three files as {@code cfg,weights,names}) and a dataset folder
 * ({@code data}). For the local runtime they are files of this machine: resolved against the config
 * file's folder, checked to exist, and passed on as absolute paths. For Kubernetes they are paths
 * inside the container (an image or a mounted volume) and pass through unchanged.
 */
final class AppPaths {

    /** The model value that means "the project's default model" (the same as leaving it out). */
    static final String DEFAULT_MODEL = "default";

    private final Path baseDir;
    private final RuntimeKind runtime;

    RuntimeKind runtime() {
        return runtime;
    }

    AppPaths(Path baseDir, RuntimeKind runtime) {
        this.baseDir = baseDir;
        this.runtime = runtime;
    }

    /** The model in {@code node.model} as the apps should receive it; empty when absent, default or wrong (reported). */
    Optional<String> model(ConfigNode node) {
        Optional<String> value = node.text("model");
        if (value.isEmpty() || value.get().equals(DEFAULT_MODEL)) {
            return Optional.empty();
        }
        List<String> parts;
        try {
            parts = CsvValues.parse(value.get());
        } catch (IllegalArgumentException e) {
            node.errors().add(node.path("model"), e.getMessage());
            return Optional.empty();
        }
        if (parts.size() != 1 && parts.size() != 3) {
            node.errors().add(node.path("model"), "\"" + value.get() + "\" is not a model (expected: a folder, or the "
                    + "three files cfg,weights,names)");
            return Optional.empty();
        }
        List<String> resolved = new ArrayList<>();
        for (String part : parts) {
            Optional<String> path = check(part, parts.size() == 1, node.path("model"), node.errors());
            if (path.isEmpty()) {
                return Optional.empty();
            }
            resolved.add(path.get());
        }
        return Optional.of(CsvValues.format(resolved));
    }

    /**
     * Whether the model {@link #model} returned detects the synthetic scenes' classes ({@link SceneClasses#detectedBy}):
     * its {@code .names} (the third file, or a folder's one {@code .names}) read here. Kubernetes paths are inside the
     * container and cannot be read here: false.
     */
    boolean detectsSceneClasses(String model) {
        if (runtime != RuntimeKind.LOCAL) {
            return false;
        }
        List<String> parts = CsvValues.parse(model);
        Path last = Path.of(parts.get(parts.size() - 1));
        try {
            Optional<Path> names = parts.size() == 3 ? Optional.of(last) : onlyNamesFile(last);
            return names.isPresent() && SceneClasses.detectedBy(ClassNames.read(names.get()));
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> onlyNamesFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".names")).toList();
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        }
    }

    /** The dataset folder in {@code node.field} as the app should receive it; empty when absent or wrong (reported). */
    Optional<String> folder(ConfigNode node, String field) {
        return node.text(field).flatMap(value -> check(value, true, node.path(field), node.errors()));
    }

    private Optional<String> check(String value, boolean folder, String path, ConfigErrors errors) {
        if (value.isBlank()) {
            errors.add(path, "\"" + value + "\" is not a path");
            return Optional.empty();
        }
        if (runtime != RuntimeKind.LOCAL) {
            return Optional.of(value);
        }
        Path resolved = baseDir.resolve(value).toAbsolutePath().normalize();
        if (!Files.exists(resolved)) {
            errors.add(path, "\"" + value + "\" does not exist (looked for " + resolved + ")");
            return Optional.empty();
        }
        if (folder && !Files.isDirectory(resolved)) {
            errors.add(path, "\"" + value + "\" is not a folder (looked at " + resolved + ")");
            return Optional.empty();
        }
        return Optional.of(resolved.toString());
    }
}
