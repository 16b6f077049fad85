package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The encoder refuses what the peer's decoder would refuse, and sends nothing then. */
class AcaiEncoderTest {

    private EmbeddedChannel channel;

    @AfterEach
    void closeChannel() {
        assertThat(channel.finishAndReleaseAll()).as("bytes written despite the error").isFalse();
    }

    @Test
    void refusesABatchOverTheImageLimit() {
        channel = new EmbeddedChannel(new AcaiEncoder(ProtocolLimits.DEFAULT.withMaxImagesPerBatch(2)));
        assertThatThrownBy(() -> channel.writeOutbound(SampleMessages.batch(3)))
                .isInstanceOf(EncoderException.class)
                .hasMessage("Too many UPLOAD_BATCH.images: 3 (expected: <= 2)");
    }

    @Test
    void refusesAHelloOverTheLimitBeforeHello() {
        channel = new EmbeddedChannel(new AcaiEncoder());
        Hello hello = new Hello("edge-1", "t".repeat(5000), "0.1.0", 0);
        assertThatThrownBy(() -> channel.writeOutbound(hello))
                .isInstanceOf(EncoderException.class)
                .hasMessage("Frame too large: HELLO " + AcaiEncoder.encodedSize(hello) + " bytes (expected: <= 4096)");
    }

    @Test
    void refusesAnImageOverTheByteLimit() {
        channel = new EmbeddedChannel(new AcaiEncoder(ProtocolLimits.DEFAULT.withMaxImageBytes(100)));
        assertThatThrownBy(() -> channel.writeOutbound(SampleMessages.batch(1)))
                .isInstanceOf(EncoderException.class)
                .hasMessage("Too large: UPLOAD_BATCH.images[0].file " + SampleMessages.JPEG.length
                        + " bytes (expected: <= 100)");
    }

    @Test
    void refusesAFrameOverTheFrameLimit() {
        channel = new EmbeddedChannel(new AcaiEncoder(ProtocolLimits.DEFAULT.withMaxFrameLength(1000)));
        ModelPush push = ModelPush.of(2, new byte[1000]);
        assertThatThrownBy(() -> channel.writeOutbound(push))
                .isInstanceOf(EncoderException.class)
                .hasMessage("Frame too large: MODEL_PUSH " + AcaiEncoder.encodedSize(push) + " bytes (expected: <= 1000)");
    }

    @Test
    void refusesAString16OverItsLength() {
        channel = new EmbeddedChannel(new AcaiEncoder());
        String reason = "é".repeat(40_000);
        assertThatThrownBy(() -> channel.writeOutbound(ModelAck.refused(3, reason)))
                .isInstanceOf(EncoderException.class)
                .hasMessage("MODEL_ACK.reason : 80000 UTF-8 bytes (expected: <= 65535)");
    }

    @Test
    void sizesAnUploadAsItsJpegsPlusAFewBytesPerImageAndLabel() {
        channel = new EmbeddedChannel(new AcaiEncoder());
        UploadImage image = new UploadImage("f", 64, 48, SampleMessages.JPEG,
                List.of(new Label(0, 0.5f, 0.5f, 0.2f, 0.2f), new Label(1, 0.1f, 0.1f, 0.1f, 0.1f)));
        UploadBatch batch = new UploadBatch(1, "e", List.of(image));
        // frame header 10, batchId 8, edgeId 2+1, count 4; image id 2+1, size 8, file 4+n, labels 4+2*20
        long expected = 10 + 8 + 3 + 4 + 3 + 8 + 4 + SampleMessages.JPEG.length + 4 + 40;
        assertThat(AcaiEncoder.encodedSize(batch)).isEqualTo(expected);
    }
}
