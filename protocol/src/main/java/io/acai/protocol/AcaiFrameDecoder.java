package io.acai.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;

import java.util.List;

/**
 * Cuts the byte stream into frames by their int32 length prefix and strips the prefix (see
 * {@link WireFormat}); {@link AcaiDecoder} comes next. A frame longer than {@code maxFrameLength}
 * (prefix included) fails fast with a {@link TooLongFrameException} and is discarded. Unlike its
 * parent, this decoder does not let a frame cut short by the end of the connection pass silently:
 * it fails with a {@link CorruptedFrameException} saying how much of it arrived.
 */
public class AcaiFrameDecoder extends LengthFieldBasedFrameDecoder {

    public AcaiFrameDecoder() {
        this(ProtocolLimits.DEFAULT_MAX_FRAME_LENGTH);
    }

    public AcaiFrameDecoder(int maxFrameLength) {
        super(maxFrameLength, 0, WireFormat.LENGTH_FIELD_LENGTH, 0, WireFormat.LENGTH_FIELD_LENGTH);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        if (in.isReadable()) {
            failOnTruncatedFrame(in);
        }
    }

    private static void failOnTruncatedFrame(ByteBuf in) {
        int received = in.readableBytes();
        String expected = received >= WireFormat.LENGTH_FIELD_LENGTH
                ? String.valueOf(WireFormat.LENGTH_FIELD_LENGTH + (long) in.getInt(in.readerIndex()))
                : "at least " + WireFormat.LENGTH_FIELD_LENGTH;
        in.skipBytes(received);
        throw new CorruptedFrameException(
                "Truncated frame: " + received + " of " + expected + " bytes received before the channel closed");
    }
}
