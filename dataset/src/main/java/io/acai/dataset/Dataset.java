package io.acai.dataset;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Images with their annotations, read from a folder by {@link Datasets#open}. Annotations are
 * parsed when the dataset is opened; pixels are decoded only when a frame is loaded. Frames carry
 * the model's class ids (through {@link #mapping()}); objects of classes the model lacks are left
 * out of them. Files and label lines that could not be used are listed by {@link #skipped()}, which
 * grows when an image fails to decode on loading. Thread-safe.
 */
public final class Dataset implements Iterable<LabeledFrame> {

    private final Path root;
    private final String format;
    private final ClassMapping mapping;
    private final List<DatasetEntry> entries;
    private final Set<SkippedFile> skipped;

    Dataset(Path root, String format, ClassMapping mapping, List<DatasetEntry> entries, List<SkippedFile> skipped) {
        this.root = root;
        this.format = format;
        this.mapping = mapping;
        this.entries = List.copyOf(entries);
        this.skipped = new LinkedHashSet<>(skipped);
    }

    /** The dataset's folder. */
    public Path root() {
        return root;
    }

    /** {@code yolo} or {@code voc}. */
    public String format() {
        return format;
    }

    /** The class names the dataset's files use. */
    public ClassNames names() {
        return mapping.dataset();
    }

    /** The class names of the frames' ids: the model's, or the dataset's own when no model was given. */
    public ClassNames modelNames() {
        return mapping.model();
    }

    public ClassMapping mapping() {
        return mapping;
    }

    public List<DatasetEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** Images with an annotation file; the others have no objects. */
    public int labeledCount() {
        return (int) entries.stream().filter(DatasetEntry::labeled).count();
    }

    /** Valid objects in the annotations, including those of classes the model lacks. */
    public int objectCount() {
        return entries.stream().mapToInt(entry -> entry.objects().size()).sum();
    }

    /** Objects left out of the frames because the model lacks their class, by dataset class name. */
    public Map<String, Integer> unmappedObjects() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DatasetEntry entry : entries) {
            for (ObjectLabel object : entry.objects()) {
                if (mapping.modelId(object.classId()).isEmpty()) {
                    counts.merge(names().name(object.classId()), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The files and lines left out so far, in the order they were found. */
    public List<SkippedFile> skipped() {
        synchronized (skipped) {
            return List.copyOf(skipped);
        }
    }

    /** Entry {@code index} decoded; fails naming the file when the image cannot be decoded. */
    public LabeledFrame load(int index) throws IOException {
        return load(entries.get(index));
    }

    /**
     * The entry's image decoded as {@code TYPE_3BYTE_BGR} with its objects in model class ids and
     * pixels. An image that fails to decode is added to {@link #skipped()} (once) and fails naming the file.
     */
    public LabeledFrame load(DatasetEntry entry) throws IOException {
        BufferedImage image;
        try {
            image = ImageFiles.readBgr(entry.image());
        } catch (IOException e) {
            String prefix = entry.image() + ": ";
            String reason = String.valueOf(e.getMessage());
            skip(SkippedFile.whole(entry.image(), reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason));
            throw e;
        }
        List<GroundTruth> objects = new ArrayList<>(entry.objects().size());
        int number = 0;
        for (ObjectLabel object : entry.objects()) {
            number++;
            OptionalInt modelId = mapping.modelId(object.classId());
            if (modelId.isEmpty()) {
                continue;
            }
            BoundingBox box = object.pixelBox(image.getWidth(), image.getHeight());
            if (box.area() <= 0) {
                skip(SkippedFile.whole(entry.annotation().orElse(entry.image()), "object " + number + " ("
                        + names().name(object.classId()) + ") lies outside the " + image.getWidth() + "x"
                        + image.getHeight() + " image"));
                continue;
            }
            int id = modelId.getAsInt();
            objects.add(new GroundTruth(id, modelNames().name(id), box));
        }
        return new LabeledFrame(entry.id(), image, objects);
    }

    /** The frames in entry order; an image that fails to decode is passed over (and is in {@link #skipped()}). */
    @Override
    public Iterator<LabeledFrame> iterator() {
        return new Iterator<>() {
            private int index;
            private LabeledFrame next;

            @Override
            public boolean hasNext() {
                while (next == null && index < entries.size()) {
                    DatasetEntry entry = entries.get(index++);
                    try {
                        next = load(entry);
                    } catch (IOException e) {
                        // load has added it to skipped
                    }
                }
                return next != null;
            }

            @Override
            public LabeledFrame next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                LabeledFrame frame = next;
                next = null;
                return frame;
            }
        };
    }

    private void skip(SkippedFile file) {
        synchronized (skipped) {
            skipped.add(file);
        }
    }

    /** One line for logs: counts of images, labels, objects, skipped files and unmapped classes. */
    public String summary() {
        String text = String.format("%s (%s): %d images, %d labeled, %d objects, %d skipped", root, format, size(),
                labeledCount(), objectCount(), skipped().size());
        Map<String, Integer> unmapped = unmappedObjects();
        return unmapped.isEmpty() ? text : text + ", classes the model lacks (objects dropped): " + unmapped;
    }

    @Override
    public String toString() {
        return summary();
    }
}
