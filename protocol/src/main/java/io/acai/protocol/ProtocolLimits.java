package io.acai.protocol;

/**
 * Upper bounds both ends enforce, so that a peer cannot make the other allocate without limit.
 * The encoder refuses to send what the decoder would refuse to receive.
 *
 * @param maxFrameLength    the largest frame in bytes, length prefix included
 * @param maxImagesPerBatch the most images in one {@link UploadBatch}
 * @param maxImageBytes     the largest JPEG file in an {@link UploadImage}
 */
public record ProtocolLimits(int maxFrameLength, int maxImagesPerBatch, int maxImageBytes) {

    /** 64 MiB: a yolov3-tiny push (about 35 MB of weights) fits with room to spare. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 * 1024;
    public static final int DEFAULT_MAX_IMAGES_PER_BATCH = 1000;
    /** 8 MiB: far above a camera JPEG of 1920x1080. */
    public static final int DEFAULT_MAX_IMAGE_BYTES = 8 * 1024 * 1024;

    public static final ProtocolLimits DEFAULT = new ProtocolLimits(
            DEFAULT_MAX_FRAME_LENGTH, DEFAULT_MAX_IMAGES_PER_BATCH, DEFAULT_MAX_IMAGE_BYTES);

    public ProtocolLimits {
        int minFrame = WireFormat.LENGTH_FIELD_LENGTH + WireFormat.HEADER_LENGTH;
        if (maxFrameLength < minFrame) {
            throw new IllegalArgumentException(
                    "maxFrameLength : " + maxFrameLength + " (expected: >= " + minFrame + ")");
        }
        Arguments.checkNonNegative(maxImagesPerBatch, "maxImagesPerBatch");
        Arguments.checkPositive(maxImageBytes, "maxImageBytes");
    }

    public ProtocolLimits withMaxFrameLength(int maxFrameLength) {
        return new ProtocolLimits(maxFrameLength, maxImagesPerBatch, maxImageBytes);
    }

    public ProtocolLimits withMaxImagesPerBatch(int maxImagesPerBatch) {
        return new ProtocolLimits(maxFrameLength, maxImagesPerBatch, maxImageBytes);
    }

    public ProtocolLimits withMaxImageBytes(int maxImageBytes) {
        return new ProtocolLimits(maxFrameLength, maxImagesPerBatch, maxImageBytes);
    }
}
