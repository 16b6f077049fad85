package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import org.junit.jupiter.api.Test;

/** The leak check the other tests rely on does catch a leak. */
class LeakDetectionTest {

    @Test
    void reportsABufferDroppedWithoutRelease() {
        leakOne();
        // found here, and so forgotten before the extension's own check runs
        assertThat(LeakDetection.collectLeaks()).anySatisfy(leak -> assertThat(leak).contains("LEAK: ByteBuf"));
    }

    @Test
    void reportsNothingForReleasedBuffers() {
        ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(16);
        buf.writeLong(42);
        buf.release();
        assertThat(LeakDetection.collectLeaks()).isEmpty();
    }

    private static void leakOne() {
        ByteBuf buf = ByteBufAllocator.DEFAULT.directBuffer(16);
        buf.writeInt(7);
    }
}
