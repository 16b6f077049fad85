package io.acai.model;

import io.acai.detection.ModelFiles;
import io.acai.records.csv.CsvValues;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code --model} option: a folder holding exactly one {@code .cfg}, one {@code .weights}
 * and one {@code .names} file, or the three paths separated by commas, {@code cfg,weights,names}.
 */
public final class ModelLocation {

    private ModelLocation() {
    }

    public static ModelFiles parse(String value) throws IOException {
        return parse(value, null);
    }

    /**
     * As {@link #parse(String)}, with relative paths taken from {@code base} (an edge host member's working folder);
     * a null {@code base} leaves them relative to the process's folder.
     */
    public static ModelFiles parse(String value, Path base) throws IOException {
        List<String> parts;
        try {
            parts = CsvValues.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IOException("--model : " + e.getMessage(), e);
        }
        if (parts.size() == 3) {
            return new ModelFiles(in(base, parts.get(0)), in(base, parts.get(1)), in(base, parts.get(2)))
                    .requireReadable();
        }
        if (parts.size() != 1) {
            throw new IOException("--model : " + value + " (expected: a folder, or cfg,weights,names)");
        }
        Path dir = in(base, parts.get(0));
        if (!Files.isDirectory(dir)) {
            throw new IOException("--model : " + value + " is not a folder (expected: a folder, or cfg,weights,names)");
        }
        return new ModelFiles(only(dir, "cfg"), only(dir, "weights"), only(dir, "names")).requireReadable();
    }

    private static Path in(Path base, String part) {
        Path path = Path.of(part.strip());
        return base == null ? path : base.resolve(path);
    }

    private static Path only(Path dir, String extension) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*." + extension)) {
            files.forEach(found::add);
        }
        if (found.size() != 1) {
            throw new IOException("--model : " + dir + " holds " + found.size() + " ." + extension
                    + " files " + found + " (expected: exactly one)");
        }
        return found.get(0);
    }
}
