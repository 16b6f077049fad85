package io.acai.model;

import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The detector the project ships, {@code acai-shapes}: a small two-head YOLO network for the five
 * classes of the synthetic scenes, trained by {@code cloud-app.jar pretrain} (see
 * {@code docs/default-model.md}). It lives in this jar as resources; {@link #extractTo} writes the
 * cfg, weights and names to a folder, since OpenCV and DJL read models from files.
 */
public final class DefaultModel {

    /** The model's base name: {@code acai-shapes.cfg}, {@code .weights}, {@code .names}. */
    public static final String NAME = "acai-shapes";

    private static final String[] EXTENSIONS = {".cfg", ".weights", ".names"};

    private DefaultModel() {
    }

    /** Writes the three files into {@code dir} (created if needed) and returns their paths. */
    public static ModelFiles extractTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String extension : EXTENSIONS) {
            try (InputStream in = open(NAME + extension)) {
                Files.copy(in, dir.resolve(NAME + extension), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return files(dir);
    }

    /** The model's cfg, parsed from the jar; it is named {@code acai-shapes.cfg} in messages. */
    public static DarknetConfig cfg() throws IOException {
        return DarknetConfig.parse(Path.of(NAME + ".cfg"), new String(cfgBytes(), StandardCharsets.UTF_8));
    }

    /** The bytes of the model's cfg in the jar. */
    public static byte[] cfgBytes() throws IOException {
        try (InputStream in = open(NAME + ".cfg")) {
            return in.readAllBytes();
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = DefaultModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("default model resource " + resource + " missing from the jar "
                    + "(was the project built with the pretrained weights?)");
        }
        return in;
    }

    /**
     * Extracts into a fresh temporary folder, which the JVM deletes with the three files when it exits (normally, by
     * {@code System.exit} or on SIGTERM, as the launcher stops an app; not after SIGKILL). Every cloud and edge
     * that runs the default model calls this once, so without it each run left a folder of 1 MB per machine in
     * the temporary directory.
     */
    public static ModelFiles extractToTemporaryFolder() {
        try {
            Path dir = Files.createTempDirectory(NAME);
            dir.toFile().deleteOnExit(); // registered first, deleted last: after the files in it
            ModelFiles files = extractTo(dir);
            for (Path file : new Path[] {files.cfg(), files.weights(), files.names()}) {
                file.toFile().deleteOnExit();
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths the default model's files have in {@code dir}. */
    public static ModelFiles files(Path dir) {
        return new ModelFiles(dir.resolve(NAME + ".cfg"), dir.resolve(NAME + ".weights"), dir.resolve(NAME + ".names"));
    }
}
