package io.acai.dataset;

import io.acai.detection.ClassNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a YOLO-format dataset (see {@link YoloLabels} for the label lines) in one of three layouts:
 * <ul>
 *   <li>{@code images/} and {@code labels/} side by side, at any depth below them: {@code images/a.jpg}
 *       is labelled by {@code labels/a.txt}, {@code images/train/b.jpg} (COCO128) by {@code labels/train/b.txt};</li>
 *   <li>the {@code images/train} folder of such a layout itself, labelled from {@code labels/train};</li>
 *   <li>a flat folder with {@code a.jpg} beside {@code a.txt}.</li>
 * </ul>
 * An image without a label file has no objects. Class names come from {@code classes.txt} or the
 * one {@code *.names} file of the folder, else from the model. Hidden files are ignored; other
 * files that are not images, and label files without an image, are skipped and reported.
 */
public final class YoloDataset {

    static final String IMAGES = "images";
    static final String LABELS = "labels";

    private YoloDataset() {
    }

    /** Whether {@code dir} looks like one of the YOLO layouts. */
    static boolean matches(Path dir) throws IOException {
        return layout(dir).isPresent();
    }

    /**
     * Opens the YOLO dataset in {@code dir}; frames carry {@code modelClasses} ids, or the
     * dataset's own when {@code modelClasses} is null.
     */
    public static Dataset open(Path dir, ClassNames modelClasses) throws IOException {
        Layout layout = layout(dir).orElseThrow(() -> new IOException(dir
                + ": not a YOLO dataset (expected: images/ and labels/ folders, or images beside .txt labels)"));
        Optional<ClassNames> own = NamesFile.read(layout.root());
        if (own.isEmpty() && !layout.root().equals(dir)) {
            own = NamesFile.read(dir);
        }
        if (own.isEmpty() && modelClasses == null) {
            throw new IOException(dir + ": no class names (expected: classes.txt or a .names file in the folder,"
                    + " or the model's names)");
        }
        ClassNames names = own.orElse(modelClasses);
        ClassMapping mapping = modelClasses == null ? ClassMapping.identity(names)
                : ClassMapping.between(names, modelClasses);

        List<SkippedFile> skipped = new ArrayList<>();
        List<DatasetEntry> entries = new ArrayList<>();
        Set<Path> usedLabels = new HashSet<>();
        boolean flat = layout.images().equals(layout.labels());
        for (Path file : files(layout.images(), !flat)) {
            if (flat && (ImageFiles.extension(file).equals("txt") || NamesFile.isNamesFile(file))) {
                continue;
            }
            if (!ImageFiles.hasImageExtension(file)) {
                skipped.add(SkippedFile.whole(file, "not an image (expected: one of " + ImageFiles.EXTENSIONS
                        + (flat ? ", or a .txt label" : "") + ")"));
                continue;
            }
            String problem = ImageFiles.problem(file);
            if (!problem.isEmpty()) {
                skipped.add(SkippedFile.whole(file, problem));
                continue;
            }
            String id = id(layout.images(), file);
            Path label = layout.labels().resolve(id + ".txt");
            if (Files.isRegularFile(label)) {
                usedLabels.add(label);
                entries.add(new DatasetEntry(id, file, Optional.of(label), YoloLabels.parse(label, names, skipped)));
            } else {
                entries.add(new DatasetEntry(id, file, Optional.empty(), List.of()));
            }
        }
        if (Files.isDirectory(layout.labels())) {
            for (Path label : files(layout.labels(), !flat)) {
                if (ImageFiles.extension(label).equals("txt") && !NamesFile.isNamesFile(label)
                        && !usedLabels.contains(label)) {
                    skipped.add(SkippedFile.whole(label, "label file without an image"));
                }
            }
        }
        return new Dataset(layout.root(), "yolo", mapping, entries, skipped);
    }

    /** The path of {@code file} below {@code images}, without extension, with {@code /} separators. */
    private static String id(Path images, Path file) {
        Path relative = images.relativize(file);
        String text = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
        int dot = text.lastIndexOf('.');
        return dot > text.lastIndexOf('/') + 1 ? text.substring(0, dot) : text;
    }

    private static List<Path> files(Path dir, boolean recursive) throws IOException {
        try (Stream<Path> paths = recursive ? Files.walk(dir) : Files.list(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> !hidden(dir.relativize(path)))
                    .sorted().toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Layout> layout(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path images = dir.resolve(IMAGES);
        Path labels = dir.resolve(LABELS);
        if (Files.isDirectory(images) && Files.isDirectory(labels)) {
            return Optional.of(new Layout(dir, images, labels));
        }
        Optional<Path> sibling = labelsBeside(dir.toAbsolutePath().normalize());
        if (sibling.isPresent()) {
            Path absolute = dir.toAbsolutePath().normalize();
            Path root = absolute;
            while (!root.getFileName().toString().equals(IMAGES)) {
                root = root.getParent();
            }
            return Optional.of(new Layout(root.getParent(), absolute, sibling.get()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(ImageFiles::hasImageExtension)) {
                return Optional.of(new Layout(dir, dir, dir));
            }
        }
        return Optional.empty();
    }

    /** For {@code .../images/train}, {@code .../labels/train} when it exists. */
    private static Optional<Path> labelsBeside(Path dir) {
        for (Path up = dir; up != null && up.getParent() != null; up = up.getParent()) {
            if (up.getFileName().toString().equals(IMAGES)) {
                Path labels = up.resolveSibling(LABELS).resolve(up.relativize(dir));
                return Files.isDirectory(labels) ? Optional.of(labels) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private record Layout(Path root, Path images, Path labels) {
    }
}
