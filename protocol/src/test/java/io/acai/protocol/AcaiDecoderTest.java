package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad bytes fail with the exact message, release every buffer, and decode nothing. */
class AcaiDecoderTest {

    private EmbeddedChannel channel = channel(ProtocolLimits.DEFAULT);

    @AfterEach
    void closeChannel() {
        assertThat(channel.finishAndReleaseAll()).as("messages left in the channel").isFalse();
    }

    @Test
    void refusesGarbageThatReadsAsAHugeLength() {
        ByteBuf in = bytes("GET / HTTP/1.1\r\nHost: cloud\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        // "GET " read as a length: 0x47455420 = 1195725856, plus the 4 bytes of the prefix
        assertFails(in, TooLongFrameException.class, "Frame too long: 1195725860 bytes (expected: <= 67108864)");
    }

    @Test
    void refusesGarbageThatReadsAsASmallLength() {
        ByteBuf in = ByteBufAllocator.DEFAULT.buffer().writeInt(10).writeBytes("garbage!!!".getBytes(StandardCharsets.US_ASCII));
        assertFails(in, CorruptedFrameException.class, "Invalid magic number: 0x67617262");
    }

    @Test
    void refusesAWrongMagicNumber() {
        ByteBuf in = validHeartbeat();
        in.setInt(4, 0x12345678);
        assertFails(in, CorruptedFrameException.class, "Invalid magic number: 0x12345678");
    }

    @Test
    void refusesAnotherVersion() {
        ByteBuf in = validHeartbeat();
        in.setByte(8, 7);
        assertFails(in, CorruptedFrameException.class, "Unsupported version: 7 (expected: 2)");
    }

    @Test
    void refusesAnUnknownType() {
        ByteBuf in = validHeartbeat();
        in.setByte(9, 99);
        assertFails(in, CorruptedFrameException.class, "Unknown message type: 99");
    }

    @Test
    void refusesAFrameTooShortForItsHeader() {
        ByteBuf in = ByteBufAllocator.DEFAULT.buffer().writeInt(3).writeBytes(new byte[] {0x41, 0x43, 0x41});
        assertFails(in, CorruptedFrameException.class, "Truncated header: 3 bytes (expected: >= 6)");
    }

    @Test
    void readsTheLengthAsUnsigned() {
        ByteBuf in = ByteBufAllocator.DEFAULT.buffer().writeInt(-1).writeLong(0);
        assertFails(in, TooLongFrameException.class, "Frame too long: 4294967299 bytes (expected: <= 67108864)");
    }

    @Test
    void refusesAFrameCutShortByTheEndOfTheConnection() {
        ByteBuf frame = validHeartbeat();
        channel.writeInbound(frame.readRetainedSlice(9));
        frame.release();
        assertThat(channel.<Object>readInbound()).isNull();
        assertThatThrownBy(channel::finish)
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessage("Truncated frame: 9 of 18 bytes received before the channel closed");
        assertThat(frame.refCnt()).isZero();
    }

    @Test
    void refusesALengthPrefixCutShortByTheEndOfTheConnection() {
        channel.writeInbound(bytes(new byte[] {0, 0, 0}));
        assertThatThrownBy(channel::finish)
                .isInstanceOf(CorruptedFrameException.class)
                .hasMessage("Truncated frame: 3 of at least 4 bytes received before the channel closed");
    }

    @Test
    void refusesAnOversizedFrameFromItsLengthAloneAndCloses() {
        channel = channel(ProtocolLimits.DEFAULT.withMaxFrameLength(1024));
        ByteBuf big = FrameBuilder.of(MessageType.MODEL_PUSH).bytes(new byte[1990]).build();
        assertThat(big.readableBytes()).isEqualTo(2000);
        assertFails(big.readRetainedSlice(4), TooLongFrameException.class, "Frame too long: 2000 bytes (expected: <= 1024)");
        big.release();
        assertThat(channel.isOpen()).as("closed on the bad header").isFalse();
    }

    @Test
    void refusesTruncatedFixedFields() {
        ByteBuf in = FrameBuilder.of(MessageType.HEARTBEAT).int32(1).build();
        assertFails(in, CorruptedFrameException.class,
                "Truncated payload: HEARTBEAT.timestampMillis needs 8 bytes, 4 remain");
    }

    @Test
    void refusesAStringLengthBeyondTheFrame() {
        ByteBuf in = FrameBuilder.of(MessageType.HELLO).int16(5000).bytes("edge-1edge".getBytes(StandardCharsets.US_ASCII)).build();
        assertFails(in, CorruptedFrameException.class, "Truncated payload: HELLO.edgeId needs 5000 bytes, 10 remain");
    }

    @Test
    void refusesTrailingBytes() {
        ByteBuf in = FrameBuilder.of(MessageType.MODEL_ACK).int32(2).int8(1).string16("").bytes(new byte[3]).build();
        assertFails(in, CorruptedFrameException.class, "Trailing bytes: 3 after the MODEL_ACK payload");
    }

    @Test
    void refusesABatchOverTheImageLimit() {
        channel = channel(ProtocolLimits.DEFAULT.withMaxImagesPerBatch(2));
        EmbeddedChannel encoder = new EmbeddedChannel(new AcaiEncoder());
        encoder.writeOutbound(SampleMessages.batch(3));
        ByteBuf in = encoder.readOutbound();
        assertThat(encoder.finish()).isFalse();
        assertFails(in, CorruptedFrameException.class, "Too many UPLOAD_BATCH.images: 3 (expected: <= 2)");
    }

    @Test
    void refusesAnImageOverTheByteLimit() {
        channel = channel(ProtocolLimits.DEFAULT.withMaxImageBytes(100));
        ByteBuf in = batchFrame().string16("frame-0").int32(64).int32(48).bytes32(SampleMessages.JPEG).int32(0).build();
        assertFails(in, CorruptedFrameException.class,
                "Too large: UPLOAD_BATCH.images[0].file " + SampleMessages.JPEG.length + " bytes (expected: <= 100)");
    }

    @Test
    void refusesANegativeImageCount() {
        ByteBuf in = FrameBuilder.of(MessageType.UPLOAD_BATCH).int64(1).string16("edge-1").int32(-1).build();
        assertFails(in, CorruptedFrameException.class, "Invalid count: UPLOAD_BATCH.images -1 (expected: >= 0)");
    }

    @Test
    void refusesALabelCountTheFrameCannotHold() {
        ByteBuf in = batchFrame().string16("frame-0").int32(64).int32(48).bytes32(SampleMessages.JPEG)
                .int32(1_000_000).build();
        assertFails(in, CorruptedFrameException.class,
                "Truncated payload: UPLOAD_BATCH.images[0].labels needs 20000000 bytes, 0 remain");
    }

    @Test
    void refusesALabelOutsideTheImage() {
        ByteBuf in = batchFrame().string16("frame-0").int32(64).int32(48).bytes32(SampleMessages.JPEG)
                .int32(2).label(0, 0.5f, 0.5f, 0.1f, 0.1f).label(1, 1.5f, 0.5f, 0.1f, 0.1f).build();
        assertFails(in, CorruptedFrameException.class,
                "Invalid UPLOAD_BATCH: images[0].labels[1].cx : 1.5 (expected: 0 <= cx <= 1)");
    }

    @Test
    void refusesANonPositiveImageSize() {
        ByteBuf in = batchFrame().string16("frame-0").int32(0).int32(48).bytes32(SampleMessages.JPEG).int32(0).build();
        assertFails(in, CorruptedFrameException.class, "Invalid UPLOAD_BATCH: images[0].width : 0 (expected: > 0)");
    }

    @Test
    void refusesAnImageThatIsNeitherJpegNorPng() {
        byte[] bmp = {0x42, 0x4D, 0x3A, 0, 0, 0};
        ByteBuf in = batchFrame().string16("frame-0").int32(64).int32(48).bytes32(bmp).int32(0).build();
        assertFails(in, CorruptedFrameException.class, "Invalid UPLOAD_BATCH: images[0].file : starts with 0x424D3A00"
                + " (expected: a JPEG file, 0xFFD8, or a PNG file, 0x89504E470D0A1A0A)");
    }

    @Test
    void refusesABooleanOtherThanZeroOrOne() {
        ByteBuf in = FrameBuilder.of(MessageType.UPLOAD_ACK).int64(42).int32(2).int8(2).build();
        assertFails(in, CorruptedFrameException.class, "Invalid boolean: UPLOAD_ACK.duplicate 2 (expected: 0 or 1)");
    }

    @Test
    void refusesMalformedUtf8() {
        ByteBuf in = FrameBuilder.of(MessageType.HELLO).int16(2).bytes(new byte[] {(byte) 0xC3, 0x28})
                .string16("").string16("").int32(0).build();
        assertFails(in, CorruptedFrameException.class, "Malformed UTF-8: HELLO.edgeId");
    }

    @Test
    void refusesAnEmptyEdgeId() {
        ByteBuf in = FrameBuilder.of(MessageType.HELLO).string16("").string16("").string16("").int32(0).build();
        assertFails(in, CorruptedFrameException.class, "Invalid HELLO: edgeId : \"\" (expected: not empty)");
    }

    @Test
    void refusesAnUnknownErrorCode() {
        ByteBuf in = FrameBuilder.of(MessageType.ERROR).int32(42).string16("?").build();
        assertFails(in, CorruptedFrameException.class, "Unknown error code: 42");
    }

    @Test
    void refusesANegativeWeightsLength() {
        ByteBuf in = FrameBuilder.of(MessageType.MODEL_PUSH).int32(1).bytes(new byte[32]).int32(-1).build();
        assertFails(in, CorruptedFrameException.class, "Invalid length: MODEL_PUSH.weights -1 (expected: >= 0)");
    }

    @Test
    void refusesModelVersionZero() {
        ByteBuf in = FrameBuilder.of(MessageType.MODEL_PUSH).int32(0).bytes(new byte[32]).bytes32(new byte[] {1})
                .int32(0).int32(0).int8(0).build();
        assertFails(in, CorruptedFrameException.class, "Invalid MODEL_PUSH: version : 0 (expected: > 0)");
    }

    @Test
    void keepsAWrongDigestForTheEdgeToNotice() {
        byte[] weights = SampleMessages.weights(100, 1);
        ByteBuf in = FrameBuilder.of(MessageType.MODEL_PUSH).int32(5).bytes(new byte[32]).bytes32(weights)
                .int32(0).int32(0).int8(0).build();
        channel.writeInbound(in);
        ModelPush push = channel.readInbound();
        assertThat(push.digestMatches()).isFalse();
        assertThat(push.isSigned()).isFalse();
        assertThat(in.refCnt()).isZero();
    }

    @Test
    void refusesAVersionOnePushWithoutItsSignatureField() {
        ByteBuf in = FrameBuilder.of(MessageType.MODEL_PUSH).int32(5).bytes(new byte[32]).bytes32(new byte[] {1})
                .int32(0).int32(0).build();
        assertFails(in, CorruptedFrameException.class,
                "Truncated payload: MODEL_PUSH.signature needs 1 bytes, 0 remain");
    }

    @Test
    void refusesASignatureOfAnotherLength() {
        ByteBuf in = FrameBuilder.of(MessageType.MODEL_PUSH).int32(5).bytes(new byte[32]).bytes32(new byte[] {1})
                .int32(0).int32(0).int8(31).bytes(new byte[31]).build();
        assertFails(in, CorruptedFrameException.class, "Invalid length: MODEL_PUSH.signature 31 (expected: 0 or 32)");
    }

    @Test
    void refusesBytesAfterTheSignature() {
        ByteBuf in = FrameBuilder.of(MessageType.MODEL_PUSH).int32(5).bytes(new byte[32]).bytes32(new byte[] {1})
                .int32(0).int32(0).int8(32).bytes(new byte[33]).build();
        assertFails(in, CorruptedFrameException.class, "Trailing bytes: 1 after the MODEL_PUSH payload");
    }

    @Test
    void refusesAShortSignature() {
        ByteBuf in = FrameBuilder.of(MessageType.MODEL_PUSH).int32(5).bytes(new byte[32]).bytes32(new byte[] {1})
                .int32(0).int32(0).int8(32).bytes(new byte[10]).build();
        assertFails(in, CorruptedFrameException.class,
                "Truncated payload: MODEL_PUSH.signature needs 32 bytes, 10 remain");
    }

    private void assertFails(ByteBuf in, Class<? extends Exception> type, String message) {
        assertThatThrownBy(() -> channel.writeInbound(in)).isExactlyInstanceOf(type).hasMessage(message);
        assertThat(channel.<Object>readInbound()).as("decoded despite the error").isNull();
        assertThat(in.refCnt()).as("input released").isZero();
    }

    private static FrameBuilder batchFrame() {
        return FrameBuilder.of(MessageType.UPLOAD_BATCH).int64(7).string16("edge-1").int32(1);
    }

    private static ByteBuf validHeartbeat() {
        return bytes(validHeartbeatBytes());
    }

    private static byte[] validHeartbeatBytes() {
        ByteBuf frame = FrameBuilder.of(MessageType.HEARTBEAT).int64(1_700_000_000_000L).build();
        byte[] bytes = new byte[frame.readableBytes()];
        frame.readBytes(bytes).release();
        return bytes;
    }

    private static ByteBuf bytes(byte[] bytes) {
        return ByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    private static EmbeddedChannel channel(ProtocolLimits limits) {
        return new EmbeddedChannel(new AcaiFrameDecoder(limits), new AcaiDecoder(limits));
    }
}
