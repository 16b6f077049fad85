package io.acai.edge.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.protocol.UploadImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadBufferTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};

    private static UploadImage frame(int i) {
        return new UploadImage("f" + i, 2, 2, JPEG, List.of());
    }

    @Test
    void reportsTheThresholdAndDrainsOldestFirst() {
        UploadBuffer buffer = new UploadBuffer(2, 4);
        assertThat(buffer.add(frame(1))).isFalse();
        assertThat(buffer.add(frame(2))).isTrue();
        assertThat(buffer.drain()).extracting(UploadImage::imageId).containsExactly("f1", "f2");
        assertThat(buffer.size()).isZero();
    }

    @Test
    void dropsTheOldestBeyondCapacity() {
        UploadBuffer buffer = new UploadBuffer(1, 2);
        buffer.add(frame(1));
        buffer.add(frame(2));
        buffer.add(frame(3));
        assertThat(buffer.drain()).extracting(UploadImage::imageId).containsExactly("f2", "f3");
        assertThat(buffer.dropped()).isEqualTo(1);
    }

    @Test
    void checksItsArguments() {
        assertThatThrownBy(() -> new UploadBuffer(0, 5)).hasMessage("--upload-threshold : 0 (expected: >= 1)");
        assertThatThrownBy(() -> new UploadBuffer(5, 4)).hasMessage("capacity : 4 (expected: >= threshold 5)");
    }
}
