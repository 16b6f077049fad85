package io.acai.detection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The class names of a model or dataset, in id order, as a darknet {@code .names} file lists them. */
public final class ClassNames {

    private final List<String> names;
    private final Map<String, Integer> ids = new HashMap<>();

    private ClassNames(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < this.names.size(); i++) {
            ids.putIfAbsent(normalise(this.names.get(i)), i);
        }
    }

    public static ClassNames of(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("class names: empty (expected: at least one)");
        }
        return new ClassNames(names);
    }

    /** Reads a {@code .names} file: one name a line, blank lines ignored. */
    public static ClassNames read(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new IOException(file + ": no class names (expected: one name a line)");
        }
        return new ClassNames(names);
    }

    public void write(Path file) throws IOException {
        Files.write(file, names, StandardCharsets.UTF_8);
    }

    public int size() {
        return names.size();
    }

    public String name(int id) {
        if (id < 0 || id >= names.size()) {
            throw new IndexOutOfBoundsException("class id: " + id + " (expected: 0.." + (names.size() - 1) + ")");
        }
        return names.get(id);
    }

    /** The id of a class matched by name, ignoring case and surrounding blanks. */
    public Optional<Integer> idOf(String name) {
        return Optional.ofNullable(ids.get(normalise(name)));
    }

    public List<String> asList() {
        return names;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
