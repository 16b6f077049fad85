package io.acai.dataset;

import io.acai.detection.ClassNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;

/**
 * Reads a Pascal VOC dataset: XML annotations in {@code annotations/} (or VOC's own
 * {@code Annotations/}) and images in {@code images/} (or {@code JPEGImages/}), as the raccoon
 * set lays them out. An annotation names its image by {@code <filename>}, else by its own name.
 * Class names come from {@code classes.txt} or the folder's {@code *.names} file (objects of other
 * classes are skipped), otherwise from the XML files themselves, sorted as VOC sorts its 20
 * classes. Objects marked {@code difficult} are kept as ordinary objects. Images without an
 * annotation have no objects.
 */
public final class VocDataset {

    private static final List<String> ANNOTATIONS = List.of("annotations", "Annotations");
    private static final List<String> IMAGES = List.of("images", "JPEGImages");

    private VocDataset() {
    }

    /** Whether {@code dir} has an annotations folder and an images folder. */
    static boolean matches(Path dir) {
        return folder(dir, ANNOTATIONS).isPresent() && folder(dir, IMAGES).isPresent();
    }

    /**
     * Opens the VOC dataset in {@code dir}; frames carry {@code modelClasses} ids, or the
     * dataset's own when {@code modelClasses} is null.
     */
    public static Dataset open(Path dir, ClassNames modelClasses) throws IOException {
        Path annotations = folder(dir, ANNOTATIONS).orElseThrow(() -> new IOException(dir
                + ": not a VOC dataset (expected: an annotations/ or Annotations/ folder)"));
        Path images = folder(dir, IMAGES).orElseThrow(() -> new IOException(dir
                + ": not a VOC dataset (expected: an images/ or JPEGImages/ folder)"));
        List<SkippedFile> skipped = new ArrayList<>();
        List<VocAnnotation> parsed = new ArrayList<>();
        DocumentBuilder parser = VocAnnotation.newParser();
        for (Path xml : list(annotations)) {
            if (!ImageFiles.extension(xml).equals("xml")) {
                skipped.add(SkippedFile.whole(xml, "not an XML annotation"));
                continue;
            }
            try {
                parsed.add(VocAnnotation.read(parser, xml, skipped));
            } catch (VocAnnotation.AnnotationException e) {
                skipped.add(e.skipped());
            }
        }
        Optional<Path> namesFile = NamesFile.find(dir);
        ClassNames names = namesFile.isPresent() ? ClassNames.read(namesFile.get()) : namesOf(parsed, dir);
        ClassMapping mapping = modelClasses == null ? ClassMapping.identity(names)
                : ClassMapping.between(names, modelClasses);

        Map<Path, VocAnnotation> byImage = new HashMap<>();
        for (VocAnnotation annotation : parsed) {
            Optional<Path> image = imageOf(annotation, images);
            if (image.isEmpty()) {
                skipped.add(SkippedFile.whole(annotation.file(), "image '" + annotation.imageName()
                        + "' not found in " + images));
            } else if (byImage.putIfAbsent(image.get(), annotation) != null) {
                skipped.add(SkippedFile.whole(annotation.file(), "a second annotation of " + image.get()
                        + " (the first is " + byImage.get(image.get()).file() + ")"));
            }
        }

        List<DatasetEntry> entries = new ArrayList<>();
        for (Path file : list(images)) {
            if (!ImageFiles.hasImageExtension(file)) {
                skipped.add(SkippedFile.whole(file, "not an image (expected: one of " + ImageFiles.EXTENSIONS + ")"));
                continue;
            }
            String problem = ImageFiles.problem(file);
            if (!problem.isEmpty()) {
                skipped.add(SkippedFile.whole(file, problem));
                continue;
            }
            VocAnnotation annotation = byImage.get(file);
            String id = ImageFiles.stem(file);
            if (annotation == null) {
                entries.add(new DatasetEntry(id, file, Optional.empty(), List.of()));
            } else {
                entries.add(new DatasetEntry(id, file, Optional.of(annotation.file()),
                        objects(annotation, names, namesFile, skipped)));
            }
        }
        return new Dataset(dir, "voc", mapping, entries, skipped);
    }

    private static List<ObjectLabel> objects(VocAnnotation annotation, ClassNames names, Optional<Path> namesFile,
            List<SkippedFile> skipped) {
        List<ObjectLabel> objects = new ArrayList<>();
        for (VocAnnotation.NamedBox object : annotation.objects()) {
            Optional<Integer> id = names.idOf(object.name());
            if (id.isEmpty()) {
                skipped.add(SkippedFile.whole(annotation.file(), "class '" + object.name() + "' not in "
                        + namesFile.map(Path::getFileName).orElse(null)));
            } else {
                objects.add(new ObjectLabel(id.get(), object.box(), false));
            }
        }
        return objects;
    }

    private static ClassNames namesOf(List<VocAnnotation> parsed, Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        for (VocAnnotation annotation : parsed) {
            annotation.objects().forEach(object -> names.add(object.name()));
        }
        if (names.isEmpty()) {
            throw new IOException(dir + ": no class names (expected: classes.txt, a .names file,"
                    + " or objects in the annotations)");
        }
        return ClassNames.of(List.copyOf(names));
    }

    private static Optional<Path> imageOf(VocAnnotation annotation, Path images) {
        if (!annotation.imageName().isEmpty()) {
            Path named = images.resolve(annotation.imageName()).normalize();
            if (named.startsWith(images.normalize()) && Files.isRegularFile(named)) {
                return Optional.of(images.resolve(annotation.imageName()));
            }
        }
        String stem = ImageFiles.stem(annotation.file());
        for (String extension : List.of("jpg", "jpeg", "png", "JPG", "JPEG", "PNG", "bmp")) {
            Path candidate = images.resolve(stem + "." + extension);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> folder(Path dir, List<String> names) {
        return names.stream().map(dir::resolve).filter(Files::isDirectory).findFirst();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
