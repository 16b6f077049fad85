package io.acai.dataset;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.records.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Writes frames as a YOLO dataset that {@link Datasets#open} reads back: {@code images/ID.png}
 * (or {@code .jpg}), {@code labels/ID.txt} with one {@code class cx cy w h} line per object,
 * normalised to the image size with 6 decimals, and {@code classes.txt}. Each file is written
 * to a hidden temporary file and moved into place, the label before its image, so a reader never
 * sees half a file nor an image whose label is still missing. Boxes are clipped to the image;
 * objects left with no area are not written. Thread-safe.
 */
public final class YoloDatasetWriter {

    private static final Pattern ID_SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final Path dir;
    private final ClassNames names;
    private final String imageFormat;
    private final Set<String> written = new HashSet<>();

    private YoloDatasetWriter(Path dir, ClassNames names, String imageFormat) {
        this.dir = dir;
        this.names = names;
        this.imageFormat = imageFormat;
    }

    /** A writer of PNG images (lossless) into {@code dir}. */
    public static YoloDatasetWriter create(Path dir, ClassNames names) throws IOException {
        return create(dir, names, "png");
    }

    /**
     * A writer into {@code dir}, created when missing; a {@code classes.txt} already there must
     * list the same names.
     *
     * @param imageFormat {@code png} or {@code jpg}
     */
    public static YoloDatasetWriter create(Path dir, ClassNames names, String imageFormat) throws IOException {
        if (!imageFormat.equals("png") && !imageFormat.equals("jpg")) {
            throw new IllegalArgumentException("imageFormat: '" + imageFormat + "' (expected: png or jpg)");
        }
        Files.createDirectories(dir.resolve(YoloDataset.IMAGES));
        Files.createDirectories(dir.resolve(YoloDataset.LABELS));
        Path classes = dir.resolve(NamesFile.CLASSES_TXT);
        if (Files.exists(classes)) {
            ClassNames existing = ClassNames.read(classes);
            if (!existing.asList().equals(names.asList())) {
                throw new IOException(classes + ": lists " + existing + " (expected: " + names
                        + ", the names of the frames to write)");
            }
        } else {
            AtomicFile.write(classes, (String.join("\n", names.asList()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new YoloDatasetWriter(dir, names, imageFormat);
    }

    /**
     * Writes one frame under its id ({@code a}, or {@code train/a} for a subfolder).
     *
     * @return the number of objects written
     * @throws IllegalArgumentException for an id unusable as a file name, an id written before, or a class id beyond the names
     */
    public int write(LabeledFrame frame) throws IOException {
        String id = checkId(frame.id());
        StringBuilder label = new StringBuilder();
        int count = 0;
        List<GroundTruth> objects = frame.objects();
        for (int i = 0; i < objects.size(); i++) {
            GroundTruth object = objects.get(i);
            if (object.classId() < 0 || object.classId() >= names.size()) {
                throw new IllegalArgumentException("frame " + id + ": object " + (i + 1) + " class id " + object.classId()
                        + " beyond the " + names.size() + " class names (expected: 0.." + (names.size() - 1) + ")");
            }
            String line = line(object.classId(), object.box(), frame.width(), frame.height());
            if (line != null) {
                label.append(line).append('\n');
                count++;
            }
        }
        synchronized (written) {
            if (!written.add(id)) {
                throw new IllegalArgumentException("frame id: '" + id + "' written twice (expected: unique ids)");
            }
        }
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        if (!ImageIO.write(ImageFiles.toBgr(frame.image()), imageFormat, image)) {
            throw new IOException("no " + imageFormat + " encoder for frame " + id);
        }
        Path labelFile = dir.resolve(YoloDataset.LABELS).resolve(id + ".txt");
        Path imageFile = dir.resolve(YoloDataset.IMAGES).resolve(id + "." + imageFormat);
        Files.createDirectories(labelFile.getParent());
        Files.createDirectories(imageFile.getParent());
        AtomicFile.write(labelFile, label.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(imageFile, image.toByteArray());
        return count;
    }

    public Path dir() {
        return dir;
    }

    public ClassNames names() {
        return names;
    }

    /** The label line of a box clipped to the image, or null when nothing of it lies inside. */
    static String line(int classId, BoundingBox box, int width, int height) {
        BoundingBox clipped = new ObjectLabel(classId, box, false).pixelBox(width, height);
        double w = clipped.width() / width;
        double h = clipped.height() / height;
        if (w < 5e-7 || h < 5e-7) {
            return null;
        }
        return String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f", classId, clipped.centerX() / width,
                clipped.centerY() / height, w, h);
    }

    private static String checkId(String id) {
        for (String segment : id.split("/", -1)) {
            if (!ID_SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("frame id: '" + id + "' (expected: letters, digits, '.', '_'"
                        + " or '-', not starting with '.', optionally in '/'-separated folders)");
            }
        }
        return id;
    }
}
