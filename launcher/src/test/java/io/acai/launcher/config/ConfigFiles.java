package io.acai.launcher.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example configs under {@code src/test/resources/configs} and the project's top-level files. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    static Path dir(String kind) {
        try {
            return Path.of(ConfigFiles.class.getResource("/configs/" + kind).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> jsonFiles(String kind) {
        try (Stream<Path> files = Files.list(dir(kind))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project root: {@code acai.root} as surefire sets it, or the module's parent. */
    static Path projectRoot() {
        String root = System.getProperty("acai.root");
        Path path = root != null && !root.isBlank() ? Path.of(root) : Path.of("..");
        if (!Files.exists(path.resolve("docs/user_config.schema.json"))) {
            path = Path.of("..");
        }
        return path.toAbsolutePath().normalize();
    }
}
