package io.acai.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One image of a dataset with its parsed annotation; the pixels are decoded only when the
 * {@link Dataset} loads the entry.
 *
 * @param id the image's path relative to the dataset folder, without extension ({@code train/000000000009})
 * @param image the image file
 * @param annotation the label or XML file, empty for an image without one (no objects)
 * @param objects the valid objects of the annotation, class ids in the dataset's names
 */
public record DatasetEntry(String id, Path image, Optional<Path> annotation, List<ObjectLabel> objects) {

    public DatasetEntry {
        objects = List.copyOf(objects);
    }

    public boolean labeled() {
        return annotation.isPresent();
    }
}
