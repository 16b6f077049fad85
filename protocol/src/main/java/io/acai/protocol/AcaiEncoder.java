package io.acai.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;

import java.util.List;
import java.util.Objects;

/**
 * Encodes a {@link Message} into one whole frame, length prefix included (see {@link WireFormat}).
 * The buffer is allocated at its exact size, {@link #encodedSize(Message)}, so a model push of tens
 * of megabytes is copied once. A message the peer's decoder would refuse under the same
 * {@link ProtocolLimits} fails the write with an {@link EncoderException} naming the value, and
 * nothing is sent.
 */
@Sharable
public class AcaiEncoder extends MessageToByteEncoder<Message> {

    private final ProtocolLimits limits;

    public AcaiEncoder() {
        this(ProtocolLimits.DEFAULT);
    }

    public AcaiEncoder(ProtocolLimits limits) {
        super(Message.class);
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The bytes {@code message} takes on the wire, length prefix included. Decoding is the exact
     * inverse of encoding, so this is also the size of any message as it was received.
     */
    public static long encodedSize(Message message) {
        return WireFormat.LENGTH_FIELD_LENGTH + WireFormat.HEADER_LENGTH + payloadSize(message);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Message msg, boolean preferDirect) {
        // checked here, before a buffer of up to maxFrameLength is taken
        checkLimits(msg);
        long size = encodedSize(msg);
        // the other types' own bounds are those of their string16 fields, checked as they are written
        long max = msg instanceof Hello ? limits.maxFrameLengthBeforeHello() : limits.maxFrameLength();
        if (size > max) {
            throw new EncoderException("Frame too large: " + msg.type() + " " + size
                    + " bytes (expected: <= " + max + ")");
        }
        return preferDirect ? ctx.alloc().ioBuffer((int) size) : ctx.alloc().heapBuffer((int) size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0); // length, set below
        out.writeInt(WireFormat.MAGIC);
        out.writeByte(WireFormat.VERSION);
        out.writeByte(msg.type().code());
        encodePayload(msg, out);
        out.setInt(start, out.writerIndex() - start - WireFormat.LENGTH_FIELD_LENGTH);
    }

    private void checkLimits(Message msg) {
        if (msg instanceof UploadBatch batch) {
            if (batch.images().size() > limits.maxImagesPerBatch()) {
                throw new EncoderException("Too many UPLOAD_BATCH.images: " + batch.images().size()
                        + " (expected: <= " + limits.maxImagesPerBatch() + ")");
            }
            List<UploadImage> images = batch.images();
            for (int i = 0; i < images.size(); i++) {
                int length = images.get(i).file().length;
                if (length > limits.maxImageBytes()) {
                    throw new EncoderException("Too large: UPLOAD_BATCH.images[" + i + "].file " + length
                            + " bytes (expected: <= " + limits.maxImageBytes() + ")");
                }
            }
        }
    }

    private static void encodePayload(Message msg, ByteBuf out) {
        if (msg instanceof Hello m) {
            writeString16(out, m.edgeId(), "HELLO.edgeId");
            writeString16(out, m.token(), "HELLO.token");
            writeString16(out, m.softwareVersion(), "HELLO.softwareVersion");
            out.writeInt(m.modelVersion());
        } else if (msg instanceof HelloAck m) {
            writeString16(out, m.cloudId(), "HELLO_ACK.cloudId");
            out.writeInt(m.modelVersion());
        } else if (msg instanceof UploadBatch m) {
            out.writeLong(m.batchId());
            writeString16(out, m.edgeId(), "UPLOAD_BATCH.edgeId");
            out.writeInt(m.images().size());
            for (int i = 0; i < m.images().size(); i++) {
                writeImage(out, m.images().get(i), i);
            }
        } else if (msg instanceof UploadAck m) {
            out.writeLong(m.batchId());
            out.writeInt(m.accepted());
            out.writeBoolean(m.duplicate());
        } else if (msg instanceof ModelPush m) {
            out.writeInt(m.version());
            out.writeBytes(m.sha256());
            out.writeInt(m.weights().length);
            out.writeBytes(m.weights());
            writeText32(out, m.cfg());
            writeText32(out, m.names());
            out.writeByte(m.signature().length);
            out.writeBytes(m.signature());
        } else if (msg instanceof ModelAck m) {
            out.writeInt(m.version());
            out.writeBoolean(m.ok());
            writeString16(out, m.reason(), "MODEL_ACK.reason");
        } else if (msg instanceof ModelRequest m) {
            out.writeInt(m.currentVersion());
        } else if (msg instanceof Heartbeat m) {
            out.writeLong(m.timestampMillis());
        } else if (msg instanceof ErrorMessage m) {
            out.writeInt(m.code().code());
            writeString16(out, m.message(), "ERROR.message");
        } else {
            throw new AssertionError(msg.type()); // Message is sealed
        }
    }

    private static void writeImage(ByteBuf out, UploadImage image, int index) {
        writeString16(out, image.imageId(), "UPLOAD_BATCH.images[" + index + "].imageId");
        out.writeInt(image.width());
        out.writeInt(image.height());
        out.writeInt(image.file().length);
        out.writeBytes(image.file());
        out.writeInt(image.labels().size());
        for (Label label : image.labels()) {
            out.writeInt(label.classId());
            out.writeFloat(label.cx());
            out.writeFloat(label.cy());
            out.writeFloat(label.w());
            out.writeFloat(label.h());
        }
    }

    private static void writeString16(ByteBuf out, String s, String field) {
        int length = ByteBufUtil.utf8Bytes(s);
        if (length > WireFormat.MAX_STRING16_BYTES) {
            throw new EncoderException(field + " : " + length + " UTF-8 bytes (expected: <= "
                    + WireFormat.MAX_STRING16_BYTES + ")");
        }
        out.writeShort(length);
        ByteBufUtil.writeUtf8(out, s);
    }

    private static void writeText32(ByteBuf out, String s) {
        out.writeInt(ByteBufUtil.utf8Bytes(s));
        ByteBufUtil.writeUtf8(out, s);
    }

    private static long payloadSize(Message msg) {
        if (msg instanceof Hello m) {
            return string16(m.edgeId()) + string16(m.token()) + string16(m.softwareVersion()) + 4;
        } else if (msg instanceof HelloAck m) {
            return string16(m.cloudId()) + 4;
        } else if (msg instanceof UploadBatch m) {
            long size = 8 + string16(m.edgeId()) + 4;
            for (UploadImage image : m.images()) {
                size += string16(image.imageId()) + 4 + 4 + 4 + image.file().length
                        + 4 + (long) Label.ENCODED_LENGTH * image.labels().size();
            }
            return size;
        } else if (msg instanceof UploadAck) {
            return 8 + 4 + 1;
        } else if (msg instanceof ModelPush m) {
            return 4 + ModelDigest.LENGTH + 4L + m.weights().length + text32(m.cfg()) + text32(m.names())
                    + 1 + m.signature().length;
        } else if (msg instanceof ModelAck m) {
            return 4 + 1 + string16(m.reason());
        } else if (msg instanceof ModelRequest) {
            return 4;
        } else if (msg instanceof Heartbeat) {
            return 8;
        } else if (msg instanceof ErrorMessage m) {
            return 4 + string16(m.message());
        }
        throw new AssertionError(msg.type()); // Message is sealed
    }

    private static long string16(String s) {
        return 2 + ByteBufUtil.utf8Bytes(s);
    }

    private static long text32(String s) {
        return 4 + ByteBufUtil.utf8Bytes(s);
    }
}
