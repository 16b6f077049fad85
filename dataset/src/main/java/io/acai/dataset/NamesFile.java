package io.acai.dataset;

import io.acai.detection.ClassNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a dataset's own class names: {@code classes.txt}, or the one {@code *.names} file of its folder. */
final class NamesFile {

    static final String CLASSES_TXT = "classes.txt";

    private NamesFile() {
    }

    /** The names file of {@code dir}, empty when it has none; two {@code .names} files and no classes.txt fail. */
    static Optional<Path> find(Path dir) throws IOException {
        Path classes = dir.resolve(CLASSES_TXT);
        if (Files.isRegularFile(classes)) {
            return Optional.of(classes);
        }
        List<Path> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.filter(f -> f.getFileName().toString().endsWith(".names") && Files.isRegularFile(f))
                    .sorted().toList();
        }
        if (names.size() > 1) {
            throw new IOException(dir + ": " + names.size() + " .names files " + names.stream()
                    .map(f -> f.getFileName().toString()).toList() + " (expected: one, or a classes.txt)");
        }
        return names.stream().findFirst();
    }

    /** The names read from {@code dir}'s names file, empty when it has none. */
    static Optional<ClassNames> read(Path dir) throws IOException {
        Optional<Path> file = find(dir);
        return file.isPresent() ? Optional.of(ClassNames.read(file.get())) : Optional.empty();
    }

    /** Whether {@code file} is a names file rather than a label. */
    static boolean isNamesFile(Path file) {
        String name = file.getFileName().toString();
        return name.equals(CLASSES_TXT) || name.endsWith(".names");
    }
}
