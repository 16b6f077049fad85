package io.acai.protocol;

/**
 * Upper bounds both ends enforce, so that a peer cannot make the other allocate without limit.
 * The encoder refuses to send what the decoder would refuse to receive.
 *
 * @param maxFrameLength    the largest frame in bytes, length prefix included
 * @param maxImagesPerBatch the most images in one {@link UploadBatch}
 * @param maxImageBytes     the largest image file (JPEG or PNG) in an {@link UploadImage}
 * @param maxHelloFrameLength the largest frame a server takes before it accepted a {@link Hello}, length
 *                          prefix included, so that an unauthenticated peer costs at most this much memory
 */
public record ProtocolLimits(int maxFrameLength, int maxImagesPerBatch, int maxImageBytes, int maxHelloFrameLength) {

    /** 64 MiB: a yolov3-tiny push (about 35 MB of weights) fits with room to spare. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 * 1024;
    public static final int DEFAULT_MAX_IMAGES_PER_BATCH = 1000;
    /** 8 MiB: far above a camera JPEG of 1920x1080, and above a PNG of one (about 6 MiB raw). */
    public static final int DEFAULT_MAX_IMAGE_BYTES = 8 * 1024 * 1024;
    /**
     * 4 KiB: a {@link Hello} with a machine-name edge id (at most 63 bytes) leaves about 4,000 bytes
     * for its token and software version.
     */
    public static final int DEFAULT_MAX_HELLO_FRAME_LENGTH = 4 * 1024;

    /** Frame bytes before the payload: length prefix, magic, version, type. */
    private static final int FRAME_OVERHEAD = WireFormat.LENGTH_FIELD_LENGTH + WireFormat.HEADER_LENGTH;
    private static final int MAX_STRING16 = 2 + WireFormat.MAX_STRING16_BYTES;

    public static final ProtocolLimits DEFAULT = new ProtocolLimits(
            DEFAULT_MAX_FRAME_LENGTH, DEFAULT_MAX_IMAGES_PER_BATCH, DEFAULT_MAX_IMAGE_BYTES);

    /** Limits with the default {@value #DEFAULT_MAX_HELLO_FRAME_LENGTH}-byte frame limit before Hello. */
    public ProtocolLimits(int maxFrameLength, int maxImagesPerBatch, int maxImageBytes) {
        this(maxFrameLength, maxImagesPerBatch, maxImageBytes, DEFAULT_MAX_HELLO_FRAME_LENGTH);
    }

    public ProtocolLimits {
        int minFrame = WireFormat.LENGTH_FIELD_LENGTH + WireFormat.HEADER_LENGTH;
        if (maxFrameLength < minFrame) {
            throw new IllegalArgumentException(
                    "maxFrameLength : " + maxFrameLength + " (expected: >= " + minFrame + ")");
        }
        Arguments.checkNonNegative(maxImagesPerBatch, "maxImagesPerBatch");
        Arguments.checkPositive(maxImageBytes, "maxImageBytes");
        if (maxHelloFrameLength < minFrame) {
            throw new IllegalArgumentException(
                    "maxHelloFrameLength : " + maxHelloFrameLength + " (expected: >= " + minFrame + ")");
        }
    }

    /**
     * The largest frame of {@code type}, length prefix included: the payload's own bound for the
     * types made of fixed fields and {@code string16}s, {@link #maxFrameLength()} for uploads and
     * model pushes, never more than {@link #maxFrameLength()}.
     */
    public long maxFrameLength(MessageType type) {
        long max = switch (type) {
            case HELLO -> maxHelloFrameLength;
            case HELLO_ACK -> FRAME_OVERHEAD + MAX_STRING16 + 4;
            case UPLOAD_ACK -> FRAME_OVERHEAD + 8 + 4 + 1;
            case MODEL_ACK -> FRAME_OVERHEAD + 4 + 1 + MAX_STRING16;
            case MODEL_REQUEST -> FRAME_OVERHEAD + 4;
            case HEARTBEAT -> FRAME_OVERHEAD + 8;
            case ERROR -> FRAME_OVERHEAD + 4 + MAX_STRING16;
            case UPLOAD_BATCH, MODEL_PUSH -> maxFrameLength;
        };
        return Math.min(max, maxFrameLength);
    }

    /** The largest frame a server takes before it accepted a {@link Hello}: {@link #maxFrameLength(MessageType)} of HELLO. */
    public long maxFrameLengthBeforeHello() {
        return maxFrameLength(MessageType.HELLO);
    }

    public ProtocolLimits withMaxFrameLength(int maxFrameLength) {
        return new ProtocolLimits(maxFrameLength, maxImagesPerBatch, maxImageBytes, maxHelloFrameLength);
    }

    public ProtocolLimits withMaxImagesPerBatch(int maxImagesPerBatch) {
        return new ProtocolLimits(maxFrameLength, maxImagesPerBatch, maxImageBytes, maxHelloFrameLength);
    }

    public ProtocolLimits withMaxImageBytes(int maxImageBytes) {
        return new ProtocolLimits(maxFrameLength, maxImagesPerBatch, maxImageBytes, maxHelloFrameLength);
    }

    public ProtocolLimits withMaxHelloFrameLength(int maxHelloFrameLength) {
        return new ProtocolLimits(maxFrameLength, maxImagesPerBatch, maxImageBytes, maxHelloFrameLength);
    }
}
