package io.acai.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one payload strictly: every read names its field, and any shortfall,
 * out-of-range length or bad encoding fails with a {@link CorruptedFrameException} saying which.
 */
final class PayloadReader {

    private final ByteBuf in;
    private final MessageType type;

    PayloadReader(ByteBuf in, MessageType type) {
        this.in = in;
        this.type = type;
    }

    int readInt(String field) {
        need(field, Integer.BYTES);
        return in.readInt();
    }

    long readLong(String field) {
        need(field, Long.BYTES);
        return in.readLong();
    }

    float readFloat(String field) {
        need(field, Float.BYTES);
        return in.readFloat();
    }

    boolean readBoolean(String field) {
        need(field, 1);
        int value = in.readUnsignedByte();
        if (value > 1) {
            throw new CorruptedFrameException(
                    "Invalid boolean: " + name(field) + " " + value + " (expected: 0 or 1)");
        }
        return value == 1;
    }

    /** A {@code string16}: uint16 byte count, then UTF-8. */
    String readString16(String field) {
        need(field, Short.BYTES);
        return readUtf8(field, in.readUnsignedShort());
    }

    /** A {@code text32}: int32 byte count, then UTF-8. */
    String readText32(String field) {
        return readUtf8(field, readLength(field, Integer.MAX_VALUE));
    }

    /** A {@code bytes32}: int32 byte count up to {@code max}, then the bytes. */
    byte[] readBytes32(String field, int max) {
        int length = readLength(field, max);
        return readFixed(field, length);
    }

    /** A {@code bytes8}: uint8 byte count, which must be one of {@code allowed}, then the bytes. */
    byte[] readBytes8(String field, int... allowed) {
        need(field, 1);
        int length = in.readUnsignedByte();
        for (int ok : allowed) {
            if (length == ok) {
                return readFixed(field, length);
            }
        }
        throw new CorruptedFrameException("Invalid length: " + name(field) + " " + length + " (expected: "
                + java.util.Arrays.stream(allowed).mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining(" or ")) + ")");
    }

    byte[] readFixed(String field, int length) {
        need(field, length);
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    /**
     * A count of items that take at least {@code minItemBytes} each: it must not exceed
     * {@code max}, nor promise more items than the remaining bytes can hold.
     */
    int readCount(String field, int max, int minItemBytes) {
        int count = readInt(field);
        if (count < 0) {
            throw new CorruptedFrameException("Invalid count: " + name(field) + " " + count + " (expected: >= 0)");
        }
        if (count > max) {
            throw new CorruptedFrameException(
                    "Too many " + name(field) + ": " + count + " (expected: <= " + max + ")");
        }
        need(field, (long) count * minItemBytes);
        return count;
    }

    /** Fails unless the payload was read to its last byte. */
    void finish() {
        if (in.isReadable()) {
            throw new CorruptedFrameException(
                    "Trailing bytes: " + in.readableBytes() + " after the " + type + " payload");
        }
    }

    /** A payload that parsed but holds an invalid value, for example a label outside the image. */
    CorruptedFrameException invalid(String detail) {
        return new CorruptedFrameException("Invalid " + type + ": " + detail);
    }

    private int readLength(String field, int max) {
        int length = readInt(field);
        if (length < 0) {
            throw new CorruptedFrameException("Invalid length: " + name(field) + " " + length + " (expected: >= 0)");
        }
        if (length > max) {
            throw new CorruptedFrameException(
                    "Too large: " + name(field) + " " + length + " bytes (expected: <= " + max + ")");
        }
        return length;
    }

    private String readUtf8(String field, int length) {
        need(field, length);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .decode(in.nioBuffer(in.readerIndex(), length))
                    .toString();
            in.skipBytes(length);
            return s;
        } catch (CharacterCodingException e) {
            throw new CorruptedFrameException("Malformed UTF-8: " + name(field), e);
        }
    }

    private void need(String field, long bytes) {
        if (in.readableBytes() < bytes) {
            throw new CorruptedFrameException("Truncated payload: " + name(field) + " needs " + bytes
                    + " bytes, " + in.readableBytes() + " remain");
        }
    }

    private String name(String field) {
        return type + "." + field;
    }
}
