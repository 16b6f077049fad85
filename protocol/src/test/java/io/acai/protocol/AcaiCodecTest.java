package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AcaiCodecTest {

    private final EmbeddedChannel channel =
            new EmbeddedChannel(new AcaiFrameDecoder(), new AcaiDecoder(), new AcaiEncoder());

    @AfterEach
    void closeChannel() {
        assertThat(channel.finishAndReleaseAll()).as("messages left in the channel").isFalse();
    }

    static List<Message> messages() {
        return SampleMessages.all();
    }

    @Test
    void samplesCoverEveryMessageType() {
        Set<MessageType> covered = messages().stream().map(Message::type).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(EnumSet.allOf(MessageType.class));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void roundTrip(Message message) {
        ByteBuf frame = encode(message);
        assertThat((long) frame.readableBytes()).isEqualTo(AcaiEncoder.encodedSize(message));
        assertThat(frame.getInt(0)).isEqualTo(frame.readableBytes() - 4);
        assertThat(frame.getInt(4)).isEqualTo(WireFormat.MAGIC);
        assertThat(frame.getByte(9)).isEqualTo((byte) message.type().code());

        assertThat(decode(frame)).containsExactly(message);
        assertThat(frame.refCnt()).isZero();
    }

    @Test
    void heartbeatIsTheBytesOfTheWireFormatExample() {
        ByteBuf frame = encode(new Heartbeat(1_700_000_000_000L));
        try {
            assertThat(ByteBufUtil.hexDump(frame)).isEqualTo("0000000e" + "41434149" + "02" + "08" + "0000018bcfe56800");
        } finally {
            frame.release();
        }
    }

    @Test
    void decodesFramesDeliveredOneByteAtATime() {
        ByteBuf stream = ByteBufAllocator.DEFAULT.buffer();
        for (Message message : messages()) {
            ByteBuf frame = encode(message);
            stream.writeBytes(frame);
            frame.release();
        }
        List<Object> decoded = new ArrayList<>();
        while (stream.isReadable()) {
            channel.writeInbound(stream.readRetainedSlice(1));
            for (Object m; (m = channel.readInbound()) != null; ) {
                decoded.add(m);
            }
        }
        stream.release();
        assertThat(decoded).containsExactlyElementsOf(messages());
    }

    @Test
    void decodesManyFramesInOneBuffer() {
        ByteBuf stream = ByteBufAllocator.DEFAULT.buffer();
        for (Message message : messages()) {
            ByteBuf frame = encode(message);
            stream.writeBytes(frame);
            frame.release();
        }
        assertThat(decode(stream)).containsExactlyElementsOf(messages());
    }

    @Test
    void carriesAModelAsLargeAsYolov3Tiny() {
        // yolov3-tiny.weights is 35,434,956 bytes
        ModelPush push = ModelPush.of(12, SampleMessages.weights(35_434_956, 3));
        ByteBuf frame = encode(push);
        assertThat(frame.readableBytes()).isEqualTo(4 + 6 + 4 + 32 + 4 + 35_434_956 + 4 + 4 + 1);

        ModelPush received = (ModelPush) decode(frame).get(0);
        assertThat(received).isEqualTo(push);
        assertThat(received.digestMatches()).isTrue();
        assertThat(received.hasCfg()).isFalse();
    }

    @Test
    void carriesASignedPushWithItsSignature() {
        PushSignature signer = new PushSignature("s3cret");
        ModelPush push = signer.sign(ModelPush.of(3, SampleMessages.weights(1000, 5), "[net]\n", "circle\n"));
        ByteBuf frame = encode(push);
        assertThat(frame.readableBytes()).isEqualTo(AcaiEncoder.encodedSize(push))
                .isEqualTo(4 + 6 + 4 + 32 + 4 + 1000 + 4 + 6 + 4 + 7 + 1 + 32);

        ModelPush received = (ModelPush) decode(frame).get(0);
        assertThat(received).isEqualTo(push);
        assertThat(signer.verifies(received)).isTrue();
    }

    @Test
    void carriesNonAsciiTextAsUtf8() {
        Hello hello = new Hello("kamera-øst-東京", "tøken", "0.1.0-ß", 0);
        ByteBuf frame = encode(hello);
        assertThat((long) frame.readableBytes()).isEqualTo(AcaiEncoder.encodedSize(hello));
        assertThat(decode(frame)).containsExactly(hello);
    }

    @Test
    void carriesAFullBatchOfImagesWithLabels() {
        UploadBatch batch = SampleMessages.batch(ProtocolLimits.DEFAULT_MAX_IMAGES_PER_BATCH);
        UploadBatch received = (UploadBatch) decode(encode(batch)).get(0);
        assertThat(received).isEqualTo(batch);
        assertThat(received.images().get(3).labels()).hasSize(3);
    }

    private ByteBuf encode(Message message) {
        assertThat(channel.writeOutbound(message)).isTrue();
        return channel.readOutbound();
    }

    private List<Object> decode(ByteBuf bytes) {
        channel.writeInbound(bytes);
        List<Object> decoded = new ArrayList<>();
        for (Object m; (m = channel.readInbound()) != null; ) {
            decoded.add(m);
        }
        return decoded;
    }
}
