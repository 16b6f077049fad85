package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBytesTest {

    private static final byte[] JPEG = SyntheticJpeg.jpeg(32, 32, 4.0, 1);
    private static final UploadBatch BATCH = new UploadBatch(7, "edge-1", List.of(
            new UploadImage("f1", 32, 32, JPEG, List.of(new Label(2, 0.5f, 0.5f, 0.25f, 0.25f)))));

    @Test
    void aFrameReadsBackAsTheMessageItWasAndIsTheSizeTheWireSends() {
        byte[] frame = MessageBytes.encode(BATCH);

        assertThat(frame).hasSize((int) AcaiEncoder.encodedSize(BATCH));
        UploadBatch read = (UploadBatch) MessageBytes.decode(frame, ProtocolLimits.DEFAULT);
        assertThat(read.batchId()).isEqualTo(7);
        assertThat(read.edgeId()).isEqualTo("edge-1");
        assertThat(read.images()).singleElement().satisfies(image -> {
            assertThat(image.file()).isEqualTo(JPEG);
            assertThat(image.labels()).containsExactly(new Label(2, 0.5f, 0.5f, 0.25f, 0.25f));
        });
    }

    @Test
    void aCutOrDamagedFrameIsRefusedSayingWhat() {
        byte[] frame = MessageBytes.encode(BATCH);
        byte[] cut = java.util.Arrays.copyOf(frame, frame.length - 2);
        assertThatThrownBy(() -> MessageBytes.decode(cut, ProtocolLimits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length field");

        byte[] damaged = frame.clone();
        damaged[WireFormat.LENGTH_FIELD_LENGTH] ^= 0x55; // the magic's first byte
        assertThatThrownBy(() -> MessageBytes.decode(damaged, ProtocolLimits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
    }
}
