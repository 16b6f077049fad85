package io.acai.dataset;

import io.acai.detection.ClassNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a dataset folder in whichever layout it has: Pascal VOC or one of the YOLO layouts. */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Opens {@code dir}: Pascal VOC when it has an annotations and an images folder
     * ({@link VocDataset}), YOLO otherwise ({@link YoloDataset}). Frames carry {@code modelClasses}
     * ids, matched by name to the dataset's classes ({@link ClassMapping}); with a null
     * {@code modelClasses} they carry the dataset's own ids, which then must come from a names
     * file in the folder (or, for VOC, from the annotations).
     *
     * @throws IOException when {@code dir} is not a dataset folder or has no class names
     */
    public static Dataset open(Path dir, ClassNames modelClasses) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder (expected: a dataset folder)");
        }
        if (VocDataset.matches(dir)) {
            return VocDataset.open(dir, modelClasses);
        }
        if (YoloDataset.matches(dir)) {
            return YoloDataset.open(dir, modelClasses);
        }
        throw new IOException(dir + ": no dataset found (expected: annotations/ + images/ for Pascal VOC,"
                + " images/ + labels/ or images beside .txt labels for YOLO)");
    }

    /** Opens {@code dir} with the dataset's own class names. */
    public static Dataset open(Path dir) throws IOException {
        return open(dir, null);
    }
}
