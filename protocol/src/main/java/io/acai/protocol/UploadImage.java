package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNotEmpty;
import static io.acai.protocol.Arguments.checkPositive;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One frame of an {@link UploadBatch}: the image file the edge sends (a JPEG file, or a PNG file when the edge
 * uploads losslessly) and the labels the edge holds for it.
 *
 * <p>Wire layout: {@code string16 imageId, int32 width, int32 height, bytes32 file,
 * int32 labelCount, labelCount x Label}.
 *
 * <p>The {@code file} array is kept, not copied: do not change it after handing it over.
 *
 * @param imageId an id unique on its edge (the cloud drops an id it has seen)
 * @param width   the image width in pixels
 * @param height  the image height in pixels
 * @param file    a JPEG file, starting with the SOI marker {@code FF D8}, or a PNG file, starting with the
 *                signature {@code 89 50 4E 47 0D 0A 1A 0A}
 * @param labels  the objects in the image, possibly none
 */
public record UploadImage(String imageId, int width, int height, byte[] file, List<Label> labels) {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public UploadImage {
        checkNotEmpty(imageId, "imageId");
        checkPositive(width, "width");
        checkPositive(height, "height");
        checkFile(file);
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }

    private static void checkFile(byte[] file) {
        checkNotEmpty(file, "file");
        boolean jpeg = file.length >= 2 && file[0] == (byte) 0xFF && file[1] == (byte) 0xD8;
        boolean png = file.length >= PNG_SIGNATURE.length
                && Arrays.equals(file, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
        if (!jpeg && !png) {
            StringBuilder start = new StringBuilder();
            for (int i = 0; i < Math.min(4, file.length); i++) {
                start.append(String.format("%02X", file[i]));
            }
            throw new IllegalArgumentException("file : starts with 0x" + start
                    + " (expected: a JPEG file, 0xFFD8, or a PNG file, 0x89504E470D0A1A0A)");
        }
    }

    /** Whether {@link #file()} is a PNG file (lossless) rather than a JPEG file. */
    public boolean isPng() {
        return file[0] == (byte) 0x89;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadImage other
                && imageId.equals(other.imageId)
                && width == other.width
                && height == other.height
                && Arrays.equals(file, other.file)
                && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageId, width, height, Arrays.hashCode(file), labels);
    }

    @Override
    public String toString() {
        return "UploadImage[imageId=" + imageId + ", " + width + "x" + height + ", " + (isPng() ? "png" : "jpeg")
                + "=" + file.length + " bytes, labels=" + labels + "]";
    }
}
