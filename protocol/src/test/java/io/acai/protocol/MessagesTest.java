package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Message values check their fields; type and error codes are a fixed part of the wire format. */
class MessagesTest {

    @Test
    void typeCodesAreTheWireFormat() {
        assertThat(Arrays.stream(MessageType.values()).map(t -> t.name() + "=" + t.code()))
                .containsExactly("HELLO=1", "HELLO_ACK=2", "UPLOAD_BATCH=3", "UPLOAD_ACK=4", "MODEL_PUSH=5",
                        "MODEL_ACK=6", "MODEL_REQUEST=7", "HEARTBEAT=8", "ERROR=9");
        assertThat(MessageType.valueOf(5)).isEqualTo(MessageType.MODEL_PUSH);
        assertThatThrownBy(() -> MessageType.valueOf(99)).hasMessage("Unknown message type: 99");
    }

    @Test
    void errorCodesAreTheWireFormat() {
        assertThat(Arrays.stream(ErrorCode.values()).map(c -> c.name() + "=" + c.code()))
                .containsExactly("UNAUTHORIZED=1", "PROTOCOL_VIOLATION=2", "BATCH_REJECTED=3",
                        "MODEL_UNAVAILABLE=4", "INTERNAL=5", "TOKEN_MISSING=6");
    }

    @Test
    void labelsAreNormalised() {
        assertThatThrownBy(() -> new Label(0, 0.5f, -0.1f, 0.1f, 0.1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cy : -0.1 (expected: 0 <= cy <= 1)");
        assertThatThrownBy(() -> new Label(0, 0.5f, 0.5f, Float.NaN, 0.1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("w : NaN (expected: 0 <= w <= 1)");
        assertThatThrownBy(() -> new Label(-1, 0.5f, 0.5f, 0.1f, 0.1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("classId : -1 (expected: >= 0)");
    }

    @Test
    void imagesAreJpegOrPngFiles() {
        assertThatThrownBy(() -> new UploadImage("f", 64, 48, new byte[] {0x42, 0x4D, 0}, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file : starts with 0x424D00 (expected: a JPEG file, 0xFFD8, or a PNG file, 0x89504E470D0A1A0A)");
        assertThatThrownBy(() -> new UploadImage("f", 64, 48, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n'},
                List.of())).as("a PNG signature cut short").isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file : starts with 0x89504E47 (expected:");
        assertThatThrownBy(() -> new UploadImage("f", 64, 48, new byte[0], List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("file : 0 bytes (expected: not empty)");
        UploadImage png = new UploadImage("f", 1, 1, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0},
                List.of());
        assertThat(png.isPng()).isTrue();
        assertThat(png.toString()).contains("png=9 bytes");
        assertThat(SampleMessages.image("f", 1).isPng()).isFalse();
    }

    @Test
    void imagesCompareByContent() {
        UploadImage a = SampleMessages.image("f", 2);
        UploadImage b = new UploadImage("f", 64, 48, SampleMessages.JPEG.clone(), a.labels());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).contains("jpeg=" + SampleMessages.JPEG.length + " bytes");
    }

    @Test
    void modelPushesCarryA32ByteDigest() {
        assertThatThrownBy(() -> new ModelPush(1, new byte[20], new byte[] {1}, "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sha256 : 20 bytes (expected: 32)");
        ModelPush push = ModelPush.of(1, new byte[] {1, 2, 3});
        assertThat(push.digestMatches()).isTrue();
        assertThat(push.toString()).contains("weights=3 bytes", ModelDigest.hex(push.sha256()));
    }

    @Test
    void helloHidesItsToken() {
        assertThat(new Hello("edge-1", "s3cret", "0.1.0", 0).toString()).doesNotContain("s3cret");
    }

    @Test
    void limitsCheckTheirValues() {
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxFrameLength(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFrameLength : 0 (expected: >= 10)");
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxImagesPerBatch(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxImagesPerBatch : -1 (expected: >= 0)");
        assertThatThrownBy(() -> ProtocolLimits.DEFAULT.withMaxImageBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxImageBytes : 0 (expected: > 0)");
    }
}
