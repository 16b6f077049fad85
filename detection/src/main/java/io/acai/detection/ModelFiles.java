package io.acai.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A darknet model on disk: network definition, weights and class names. */
public record ModelFiles(Path cfg, Path weights, Path names) {

    /** Fails with the missing file's path when any of the three is not a readable file. */
    public ModelFiles requireReadable() throws IOException {
        for (Path file : new Path[] {cfg, weights, names}) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IOException(file + ": model file missing or unreadable");
            }
        }
        return this;
    }
}
