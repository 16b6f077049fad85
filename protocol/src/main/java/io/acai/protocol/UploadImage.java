package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNotEmpty;
import static io.acai.protocol.Arguments.checkPositive;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One frame of an {@link UploadBatch}: the JPEG file as the camera produced it and the labels the
 * edge holds for it.
 *
 * <p>Wire layout: {@code string16 imageId, int32 width, int32 height, bytes32 jpeg,
 * int32 labelCount, labelCount x Label}.
 *
 * <p>The {@code jpeg} array is kept, not copied: do not change it after handing it over.
 *
 * @param imageId an id unique on its edge (the cloud drops an id it has seen)
 * @param width   the image width in pixels
 * @param height  the image height in pixels
 * @param jpeg    a JPEG file, starting with the SOI marker {@code FF D8}
 * @param labels  the objects in the image, possibly none
 */
public record UploadImage(String imageId, int width, int height, byte[] jpeg, List<Label> labels) {

    public UploadImage {
        checkNotEmpty(imageId, "imageId");
        checkPositive(width, "width");
        checkPositive(height, "height");
        checkJpeg(jpeg);
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }

    private static void checkJpeg(byte[] jpeg) {
        checkNotEmpty(jpeg, "jpeg");
        if (jpeg.length < 2 || jpeg[0] != (byte) 0xFF || jpeg[1] != (byte) 0xD8) {
            throw new IllegalArgumentException(String.format(
                    "jpeg : starts with 0x%02X%s (expected: the JPEG SOI marker 0xFFD8)",
                    jpeg[0], jpeg.length < 2 ? "" : String.format("%02X", jpeg[1])));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadImage other
                && imageId.equals(other.imageId)
                && width == other.width
                && height == other.height
                && Arrays.equals(jpeg, other.jpeg)
                && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(imageId, width, height, Arrays.hashCode(jpeg), labels);
    }

    @Override
    public String toString() {
        return "UploadImage[imageId=" + imageId + ", " + width + "x" + height + ", jpeg=" + jpeg.length
                + " bytes, labels=" + labels + "]";
    }
}
