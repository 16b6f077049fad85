package io.acai.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * One message as the bytes of its frame on the wire (length field included), outside a channel: for a message kept
 * on disk exactly as it was received, read back with the same checks as on the wire.
 */
public final class MessageBytes {

    private MessageBytes() {
    }

    /** The frame {@link AcaiEncoder} sends for {@code message}. */
    public static byte[] encode(Message message) {
        ByteBuf out = Unpooled.buffer((int) Math.min(Integer.MAX_VALUE, AcaiEncoder.encodedSize(message)));
        try {
            new AcaiEncoder().encode(null, message, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            return bytes;
        } finally {
            out.release();
        }
    }

    /**
     * The message of one frame, checked as {@link AcaiDecoder} checks frames.
     *
     * @throws IllegalArgumentException naming what is wrong: a length field that does not match, or what the decoder
     *     refuses
     */
    public static Message decode(byte[] frame, ProtocolLimits limits) {
        ByteBuf in = Unpooled.wrappedBuffer(frame);
        if (in.readableBytes() < WireFormat.LENGTH_FIELD_LENGTH) {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes (expected: at least its length field)");
        }
        int length = in.readInt();
        if (length != in.readableBytes()) {
            throw new IllegalArgumentException("length field " + length + " (expected: " + in.readableBytes()
                    + ", the bytes after it)");
        }
        List<Object> out = new ArrayList<>(1);
        try {
            new AcaiDecoder(limits).decode(null, in, out);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return (Message) out.get(0);
    }
}
