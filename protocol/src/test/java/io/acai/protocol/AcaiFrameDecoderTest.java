package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The header is checked field by field as its bytes arrive, so a peer that announces a huge frame
 * with a bad header costs its 10 bytes, not the frame; before Hello a server takes small frames only.
 */
class AcaiFrameDecoderTest {

    private static final int SIXTY_MIB = 60 * 1024 * 1024;

    @Test
    void aWrongMagicFailsAsSoonAsItsFourBytesArriveAndCloses() {
        // the fault probe's frame: a 60 MiB length the limits allow, then a wrong magic
        EmbeddedChannel channel = new EmbeddedChannel(new AcaiFrameDecoder(ProtocolLimits.DEFAULT));
        ByteBuf header = Unpooled.buffer().writeInt(SIXTY_MIB).writeInt(0x12345678);
        assertThatThrownBy(() -> channel.writeInbound(header)).isInstanceOf(CorruptedFrameException.class)
                .hasMessage("Invalid magic number: 0x12345678");
        assertThat(channel.isOpen()).as("closed at once").isFalse();
        assertThat(header.refCnt()).isZero();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void theVersionAndTheTypeFailBeforeThePayloadArrives() {
        EmbeddedChannel version = new EmbeddedChannel(new AcaiFrameDecoder(ProtocolLimits.DEFAULT));
        assertThatThrownBy(() -> version.writeInbound(header(SIXTY_MIB, 7, MessageType.MODEL_PUSH.code())))
                .isInstanceOf(CorruptedFrameException.class).hasMessage("Unsupported version: 7 (expected: 2)");
        EmbeddedChannel type = new EmbeddedChannel(new AcaiFrameDecoder(ProtocolLimits.DEFAULT));
        assertThatThrownBy(() -> type.writeInbound(header(SIXTY_MIB, WireFormat.VERSION, 99)))
                .isInstanceOf(CorruptedFrameException.class).hasMessage("Unknown message type: 99");
        assertThat(version.isOpen() || type.isOpen()).isFalse();
        version.finishAndReleaseAll();
        type.finishAndReleaseAll();
    }

    @Test
    void eachTypeIsHeldToItsOwnLength() {
        EmbeddedChannel channel = new EmbeddedChannel(new AcaiFrameDecoder(ProtocolLimits.DEFAULT));
        assertThatThrownBy(() -> channel.writeInbound(header(SIXTY_MIB, WireFormat.VERSION, MessageType.HEARTBEAT.code())))
                .isInstanceOf(TooLongFrameException.class)
                .hasMessage("Frame too long for HEARTBEAT: " + (SIXTY_MIB + 4) + " bytes (expected: <= 18)");
        channel.finishAndReleaseAll();
    }

    @Test
    void theLimitOfEachTypeFitsItsLargestMessage() {
        ProtocolLimits limits = ProtocolLimits.DEFAULT;
        assertThat(limits.maxFrameLength(MessageType.HEARTBEAT)).isEqualTo(AcaiEncoder.encodedSize(new Heartbeat(1)));
        assertThat(limits.maxFrameLength(MessageType.UPLOAD_ACK)).isEqualTo(AcaiEncoder.encodedSize(new UploadAck(1, 2, true)));
        assertThat(limits.maxFrameLength(MessageType.MODEL_REQUEST)).isEqualTo(AcaiEncoder.encodedSize(new ModelRequest(1)));
        String longest = "x".repeat(WireFormat.MAX_STRING16_BYTES);
        assertThat(limits.maxFrameLength(MessageType.ERROR))
                .isEqualTo(AcaiEncoder.encodedSize(new ErrorMessage(ErrorCode.INTERNAL, longest)));
        assertThat(limits.maxFrameLength(MessageType.MODEL_ACK))
                .isEqualTo(AcaiEncoder.encodedSize(new ModelAck(1, false, longest)));
        assertThat(limits.maxFrameLength(MessageType.HELLO_ACK)).isEqualTo(AcaiEncoder.encodedSize(new HelloAck(longest, 1)));
        assertThat(limits.maxFrameLength(MessageType.HELLO)).isEqualTo(ProtocolLimits.DEFAULT_MAX_HELLO_FRAME_LENGTH);
        assertThat(limits.maxFrameLength(MessageType.MODEL_PUSH)).isEqualTo(limits.maxFrameLength());
        assertThat(limits.withMaxFrameLength(1000).maxFrameLength(MessageType.ERROR)).isEqualTo(1000);
    }

    @Test
    void beforeHelloAServerRefusesAnyFrameOverTheHelloLimitFromItsLengthAlone() {
        EmbeddedChannel channel = new EmbeddedChannel(AcaiFrameDecoder.awaitingHello(ProtocolLimits.DEFAULT));
        ByteBuf length = Unpooled.buffer().writeInt(SIXTY_MIB);
        assertThatThrownBy(() -> channel.writeInbound(length)).isInstanceOf(TooLongFrameException.class)
                .hasMessage("Frame too long before Hello: " + (SIXTY_MIB + 4) + " bytes (expected: <= 4096)");
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void beforeHelloAServerTakesAHelloAndHeartbeats() {
        EmbeddedChannel channel = new EmbeddedChannel(AcaiFrameDecoder.awaitingHello(ProtocolLimits.DEFAULT),
                new AcaiDecoder());
        Hello hello = new Hello("edge-1", "t".repeat(3000), "0.1.0", 0);
        channel.writeInbound(encoded(new Heartbeat(5)), encoded(hello));
        assertThat(channel.<Object>readInbound()).isEqualTo(new Heartbeat(5));
        assertThat(channel.<Object>readInbound()).isEqualTo(hello);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void afterHelloAcceptedTheFullLimitsApply() {
        EmbeddedChannel channel = new EmbeddedChannel(AcaiFrameDecoder.awaitingHello(ProtocolLimits.DEFAULT),
                new AcaiDecoder());
        channel.pipeline().fireUserEventTriggered(HelloAccepted.INSTANCE);
        ModelPush push = ModelPush.of(3, new byte[100_000]);
        channel.writeInbound(encoded(push));
        assertThat(channel.<Object>readInbound()).isEqualTo(push);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void bytesAfterABadHeaderAreDroppedUnread() {
        EmbeddedChannel channel = new EmbeddedChannel(new AcaiFrameDecoder(ProtocolLimits.DEFAULT), new AcaiDecoder());
        ByteBuf bad = Unpooled.buffer().writeInt(14).writeInt(0x12345678);
        ByteBuf good = encoded(new Heartbeat(1));
        ByteBuf both = Unpooled.wrappedBuffer(bad, good);
        assertThatThrownBy(() -> channel.writeInbound(both)).isInstanceOf(CorruptedFrameException.class);
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(both.refCnt()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void aPreHelloFloodHoldsNoBuffer() {
        // many connections, each announcing a 60 MiB upload and sending 64 KiB of it: nothing stays held
        List<ByteBuf> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            EmbeddedChannel channel = new EmbeddedChannel(AcaiFrameDecoder.awaitingHello(ProtocolLimits.DEFAULT),
                    new AcaiDecoder());
            ByteBuf flood = header(SIXTY_MIB, WireFormat.VERSION, MessageType.UPLOAD_BATCH.code())
                    .writeBytes(new byte[64 * 1024]);
            sent.add(flood);
            assertThatThrownBy(() -> channel.writeInbound(flood)).isInstanceOf(TooLongFrameException.class);
            assertThat(channel.isOpen()).isFalse();
            channel.finishAndReleaseAll();
        }
        assertThat(sent).allSatisfy(buf -> assertThat(buf.refCnt()).as("released").isZero());
    }

    private static ByteBuf header(int length, int version, int type) {
        return Unpooled.buffer().writeInt(length).writeInt(WireFormat.MAGIC).writeByte(version).writeByte(type);
    }

    private static ByteBuf encoded(Message message) {
        EmbeddedChannel encoder = new EmbeddedChannel(new AcaiEncoder());
        encoder.writeOutbound(message);
        ByteBuf frame = encoder.readOutbound();
        encoder.finishAndReleaseAll();
        return frame;
    }
}
