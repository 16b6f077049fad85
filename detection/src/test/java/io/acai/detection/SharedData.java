package io.acai.detection;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared}, the real third-party data that lies beside a CI checkout. A user's
 * checkout has none, so tests that need it are skipped with a message that says so.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, or the test is skipped (not failed) when it is absent. */
    public static Path root() {
        String configured = System.getProperty("acai.shared");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "shared");
        assumeTrue(Files.isDirectory(path), "../shared missing (looked in " + path.toAbsolutePath()
                + "): this test needs the real data that CI keeps beside the checkout");
        return path.normalize();
    }

    /** A file or folder under {@code ../shared}; the test is skipped when it is absent. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), "../shared/" + relative + " missing");
        return path;
    }

    /** The project root (where the parent pom lies). */
    public static Path projectRoot() {
        String configured = System.getProperty("acai.root");
        return configured != null ? Path.of(configured) : Path.of("..");
    }
}
