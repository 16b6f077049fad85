package io.acai.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/** Builds frames field by field, valid or not, for decoder tests. */
final class FrameBuilder {

    private final ByteBuf payload = ByteBufAllocator.DEFAULT.heapBuffer();
    private int magic = WireFormat.MAGIC;
    private int version = WireFormat.VERSION;
    private final int typeCode;

    private FrameBuilder(int typeCode) {
        this.typeCode = typeCode;
    }

    static FrameBuilder of(MessageType type) {
        return new FrameBuilder(type.code());
    }

    static FrameBuilder ofTypeCode(int typeCode) {
        return new FrameBuilder(typeCode);
    }

    FrameBuilder magic(int magic) {
        this.magic = magic;
        return this;
    }

    FrameBuilder version(int version) {
        this.version = version;
        return this;
    }

    FrameBuilder int8(int value) {
        payload.writeByte(value);
        return this;
    }

    FrameBuilder int16(int value) {
        payload.writeShort(value);
        return this;
    }

    FrameBuilder int32(int value) {
        payload.writeInt(value);
        return this;
    }

    FrameBuilder int64(long value) {
        payload.writeLong(value);
        return this;
    }

    FrameBuilder float32(float value) {
        payload.writeFloat(value);
        return this;
    }

    FrameBuilder bytes(byte[] bytes) {
        payload.writeBytes(bytes);
        return this;
    }

    FrameBuilder string16(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return int16(utf8.length).bytes(utf8);
    }

    FrameBuilder bytes32(byte[] bytes) {
        return int32(bytes.length).bytes(bytes);
    }

    FrameBuilder label(int classId, float cx, float cy, float w, float h) {
        return int32(classId).float32(cx).float32(cy).float32(w).float32(h);
    }

    /** The whole frame, length prefix included, in a pooled direct buffer. */
    ByteBuf build() {
        ByteBuf frame = ByteBufAllocator.DEFAULT.directBuffer();
        frame.writeInt(WireFormat.HEADER_LENGTH + payload.readableBytes());
        frame.writeInt(magic);
        frame.writeByte(version);
        frame.writeByte(typeCode);
        frame.writeBytes(payload);
        payload.release();
        return frame;
    }
}
