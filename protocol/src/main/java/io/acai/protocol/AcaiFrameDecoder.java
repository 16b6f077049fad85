package io.acai.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

import java.util.List;
import java.util.Objects;

/**
 * Cuts the byte stream into frames by their uint32 length prefix and strips the prefix (see
 * {@link WireFormat}); {@link AcaiDecoder} comes next. The header is checked field by field as its
 * bytes arrive, before any payload is held: the length against the limit of the connection's state
 * as soon as its 4 bytes are in, then the magic, the version, the type, and the length against that
 * type's limit ({@link ProtocolLimits#maxFrameLength(MessageType)}). So a bad header costs at most
 * its 10 bytes, and only a frame that passed all of them is accumulated.
 *
 * <p>A decoder made with {@link #awaitingHello(ProtocolLimits)} (the server's) takes frames of at
 * most {@link ProtocolLimits#maxFrameLengthBeforeHello()} bytes until it sees a {@link HelloAccepted}
 * event; an unauthenticated peer then holds at most that much memory, whatever it announces.
 *
 * <p>A bad header fails with a {@link TooLongFrameException} or {@link CorruptedFrameException}
 * naming the value, closes the channel, and every byte after it is dropped unread. A frame cut short
 * by the end of the connection fails with a {@link CorruptedFrameException} saying how much arrived.
 */
public class AcaiFrameDecoder extends ByteToMessageDecoder {

    private static final int PREFIX_AND_HEADER = WireFormat.LENGTH_FIELD_LENGTH + WireFormat.HEADER_LENGTH;

    private final ProtocolLimits limits;
    private boolean helloAccepted;
    private boolean failed;

    /** A decoder under the default limits that takes frames of any state, as a client's does. */
    public AcaiFrameDecoder() {
        this(ProtocolLimits.DEFAULT);
    }

    /** A decoder that takes frames up to {@code limits} from the start, as a client's does. */
    public AcaiFrameDecoder(ProtocolLimits limits) {
        this(limits, true);
    }

    private AcaiFrameDecoder(ProtocolLimits limits, boolean helloAccepted) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.helloAccepted = helloAccepted;
    }

    /** A server's decoder: small frames only until a {@link HelloAccepted} event passes it. */
    public static AcaiFrameDecoder awaitingHello(ProtocolLimits limits) {
        return new AcaiFrameDecoder(limits, false);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HelloAccepted) {
            helloAccepted = true;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            ByteBuf frame = frame(in);
            if (frame != null) {
                out.add(frame);
            }
        } catch (TooLongFrameException | CorruptedFrameException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            ctx.close();
            throw e;
        }
    }

    /** The next whole frame without its prefix, or {@code null} while it is incomplete; checks what arrived of its header. */
    private ByteBuf frame(ByteBuf in) {
        int available = in.readableBytes();
        if (available < WireFormat.LENGTH_FIELD_LENGTH) {
            return null;
        }
        int start = in.readerIndex();
        long length = in.getUnsignedInt(start);
        long frameLength = WireFormat.LENGTH_FIELD_LENGTH + length;
        checkStateLimit(frameLength);
        if (length < WireFormat.HEADER_LENGTH) {
            failOnShortHeader(length);
        }
        if (available >= WireFormat.LENGTH_FIELD_LENGTH + 4) {
            checkMagic(in.getInt(start + WireFormat.LENGTH_FIELD_LENGTH));
        }
        if (available >= WireFormat.LENGTH_FIELD_LENGTH + 5) {
            checkVersion(in.getUnsignedByte(start + WireFormat.LENGTH_FIELD_LENGTH + 4));
        }
        if (available < PREFIX_AND_HEADER) {
            return null;
        }
        checkTypeLimit(in.getUnsignedByte(start + WireFormat.LENGTH_FIELD_LENGTH + 5), frameLength);
        if (available < frameLength) {
            return null;
        }
        in.skipBytes(WireFormat.LENGTH_FIELD_LENGTH);
        return in.readRetainedSlice((int) length);
    }

    private void checkStateLimit(long frameLength) {
        long max = helloAccepted ? limits.maxFrameLength() : limits.maxFrameLengthBeforeHello();
        if (frameLength > max) {
            throw new TooLongFrameException("Frame too long" + (helloAccepted ? "" : " before Hello") + ": "
                    + frameLength + " bytes (expected: <= " + max + ")");
        }
    }

    private void checkTypeLimit(int code, long frameLength) {
        MessageType type = MessageType.find(code);
        if (type == null) {
            throw new CorruptedFrameException("Unknown message type: " + code);
        }
        long max = limits.maxFrameLength(type);
        if (frameLength > max) {
            throw new TooLongFrameException(
                    "Frame too long for " + type + ": " + frameLength + " bytes (expected: <= " + max + ")");
        }
    }

    private static void checkMagic(int magic) {
        if (magic != WireFormat.MAGIC) {
            throw new CorruptedFrameException(String.format("Invalid magic number: 0x%08X", magic));
        }
    }

    private static void checkVersion(int version) {
        if (version != WireFormat.VERSION) {
            throw new CorruptedFrameException(
                    "Unsupported version: " + version + " (expected: " + WireFormat.VERSION + ")");
        }
    }

    private static void failOnShortHeader(long length) {
        throw new CorruptedFrameException(
                "Truncated header: " + length + " bytes (expected: >= " + WireFormat.HEADER_LENGTH + ")");
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (in.isReadable() && !failed) {
            failOnTruncatedFrame(in);
        }
    }

    private static void failOnTruncatedFrame(ByteBuf in) {
        int received = in.readableBytes();
        String expected = received >= WireFormat.LENGTH_FIELD_LENGTH
                ? String.valueOf(WireFormat.LENGTH_FIELD_LENGTH + in.getUnsignedInt(in.readerIndex()))
                : "at least " + WireFormat.LENGTH_FIELD_LENGTH;
        in.skipBytes(received);
        throw new CorruptedFrameException(
                "Truncated frame: " + received + " of " + expected + " bytes received before the channel closed");
    }
}
