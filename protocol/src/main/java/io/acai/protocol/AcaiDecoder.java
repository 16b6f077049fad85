package io.acai.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes one frame, as {@link AcaiFrameDecoder} cuts it (length prefix stripped), into a
 * {@link Message}. Checks, in order: the magic, the version, the type, then the payload strictly:
 * every length within the frame and the {@link ProtocolLimits}, strings valid UTF-8, values valid
 * for their message, no byte left over. Any failure is a {@link CorruptedFrameException} naming the
 * value, for example {@code "Invalid magic number: 0x12345678"}.
 *
 * <p>The frame layout is described in {@link WireFormat}; each payload on its message class.
 */
@Sharable
public class AcaiDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** string16 id, int32 width, int32 height, int32 file length, int32 label count. */
    private static final int MIN_IMAGE_BYTES = 2 + 4 + 4 + 4 + 4;

    private final ProtocolLimits limits;

    public AcaiDecoder() {
        this(ProtocolLimits.DEFAULT);
    }

    public AcaiDecoder(ProtocolLimits limits) {
        super(ByteBuf.class);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        if (frame.readableBytes() < WireFormat.HEADER_LENGTH) {
            failOnShortHeader(frame.readableBytes());
        }
        int magic = frame.readInt();
        if (magic != WireFormat.MAGIC) {
            failOnMagic(magic);
        }
        int version = frame.readUnsignedByte();
        if (version != WireFormat.VERSION) {
            failOnVersion(version);
        }
        int code = frame.readUnsignedByte();
        MessageType type = MessageType.find(code);
        if (type == null) {
            failOnType(code);
        }
        PayloadReader in = new PayloadReader(frame, type);
        Message message = decodePayload(in, type);
        in.finish();
        out.add(message);
    }

    private Message decodePayload(PayloadReader in, MessageType type) {
        try {
            return switch (type) {
                case HELLO -> new Hello(in.readString16("edgeId"), in.readString16("token"),
                        in.readString16("softwareVersion"), in.readInt("modelVersion"));
                case HELLO_ACK -> new HelloAck(in.readString16("cloudId"), in.readInt("modelVersion"));
                case UPLOAD_BATCH -> decodeUploadBatch(in);
                case UPLOAD_ACK -> new UploadAck(in.readLong("batchId"), in.readInt("accepted"),
                        in.readBoolean("duplicate"));
                case MODEL_PUSH -> new ModelPush(in.readInt("version"), in.readFixed("sha256", ModelDigest.LENGTH),
                        in.readBytes32("weights", Integer.MAX_VALUE), in.readText32("cfg"), in.readText32("names"),
                        in.readBytes8("signature", 0, PushSignature.LENGTH));
                case MODEL_ACK -> new ModelAck(in.readInt("version"), in.readBoolean("ok"), in.readString16("reason"));
                case MODEL_REQUEST -> new ModelRequest(in.readInt("currentVersion"));
                case HEARTBEAT -> new Heartbeat(in.readLong("timestampMillis"));
                case ERROR -> new ErrorMessage(decodeErrorCode(in), in.readString16("message"));
            };
        } catch (IllegalArgumentException e) {
            throw in.invalid(e.getMessage());
        }
    }

    private UploadBatch decodeUploadBatch(PayloadReader in) {
        long batchId = in.readLong("batchId");
        String edgeId = in.readString16("edgeId");
        int count = in.readCount("images", limits.maxImagesPerBatch(), MIN_IMAGE_BYTES);
        List<UploadImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(decodeImage(in, "images[" + i + "]"));
        }
        return new UploadBatch(batchId, edgeId, images);
    }

    private UploadImage decodeImage(PayloadReader in, String path) {
        String imageId = in.readString16(path + ".imageId");
        int width = in.readInt(path + ".width");
        int height = in.readInt(path + ".height");
        byte[] file = in.readBytes32(path + ".file", limits.maxImageBytes());
        int count = in.readCount(path + ".labels", Integer.MAX_VALUE, Label.ENCODED_LENGTH);
        List<Label> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(decodeLabel(in, path + ".labels[" + i + "]"));
        }
        try {
            return new UploadImage(imageId, width, height, file, labels);
        } catch (IllegalArgumentException e) {
            throw in.invalid(path + "." + e.getMessage());
        }
    }

    private static Label decodeLabel(PayloadReader in, String path) {
        int classId = in.readInt(path + ".classId");
        float cx = in.readFloat(path + ".cx");
        float cy = in.readFloat(path + ".cy");
        float w = in.readFloat(path + ".w");
        float h = in.readFloat(path + ".h");
        try {
            return new Label(classId, cx, cy, w, h);
        } catch (IllegalArgumentException e) {
            throw in.invalid(path + "." + e.getMessage());
        }
    }

    private static ErrorCode decodeErrorCode(PayloadReader in) {
        int code = in.readInt("code");
        ErrorCode errorCode = ErrorCode.find(code);
        if (errorCode == null) {
            throw new CorruptedFrameException("Unknown error code: " + code);
        }
        return errorCode;
    }

    private static void failOnShortHeader(int length) {
        throw new CorruptedFrameException(
                "Truncated header: " + length + " bytes (expected: >= " + WireFormat.HEADER_LENGTH + ")");
    }

    private static void failOnMagic(int magic) {
        throw new CorruptedFrameException(String.format("Invalid magic number: 0x%08X", magic));
    }

    private static void failOnVersion(int version) {
        throw new CorruptedFrameException(
                "Unsupported version: " + version + " (expected: " + WireFormat.VERSION + ")");
    }

    private static void failOnType(int code) {
        throw new CorruptedFrameException("Unknown message type: " + code);
    }
}
