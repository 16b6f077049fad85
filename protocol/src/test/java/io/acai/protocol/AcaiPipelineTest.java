package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;

import java.time.Duration;
import java.util.Objects;

import org.junit.jupiter.api.Test;

class AcaiPipelineTest {

    @Test
    void installsTheHandlersInOrder() {
        EmbeddedChannel channel = new EmbeddedChannel();
        new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ofSeconds(5)).install(channel.pipeline());
        assertThat(channel.pipeline().names()).startsWith(AcaiPipeline.IDLE, AcaiPipeline.FRAME_DECODER,
                AcaiPipeline.DECODER, AcaiPipeline.ENCODER, AcaiPipeline.HEARTBEAT);
        channel.finishAndReleaseAll();
    }

    @Test
    void aServersPipelineAwaitsHelloWithADeadline() {
        EmbeddedChannel channel = new EmbeddedChannel();
        new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ofSeconds(5)).awaitingHello(Duration.ofSeconds(10))
                .install(channel.pipeline());
        assertThat(channel.pipeline().names()).startsWith(AcaiPipeline.IDLE, AcaiPipeline.HELLO_DEADLINE,
                AcaiPipeline.FRAME_DECODER, AcaiPipeline.DECODER, AcaiPipeline.ENCODER, AcaiPipeline.HEARTBEAT);
        ByteBuf bigHello = Unpooled.buffer().writeInt(5000).writeInt(WireFormat.MAGIC).writeByte(WireFormat.VERSION)
                .writeByte(MessageType.HELLO.code());
        assertThatThrownBy(() -> channel.writeInbound(bigHello)).isInstanceOf(TooLongFrameException.class)
                .hasMessage("Frame too long before Hello: 5004 bytes (expected: <= 4096)");
        assertThatThrownBy(() -> new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ZERO).awaitingHello(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("helloTimeout : PT0S (expected: > 0)");
        channel.finishAndReleaseAll();
    }

    @Test
    void leavesOutHeartbeatsForAZeroInterval() {
        EmbeddedChannel channel = new EmbeddedChannel();
        new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ZERO).install(channel.pipeline());
        assertThat(channel.pipeline().names()).startsWith(AcaiPipeline.FRAME_DECODER, AcaiPipeline.DECODER,
                AcaiPipeline.ENCODER).doesNotContain(AcaiPipeline.IDLE, AcaiPipeline.HEARTBEAT);
        channel.finishAndReleaseAll();
    }

    @Test
    void carriesEveryMessageFromOneEndToTheOther() {
        EmbeddedChannel edge = installed(Duration.ofSeconds(30));
        EmbeddedChannel cloud = installed(Duration.ofSeconds(30));
        for (Message message : SampleMessages.all()) {
            edge.writeOutbound(message);
            for (ByteBuf bytes; (bytes = edge.readOutbound()) != null; ) {
                cloud.writeInbound(bytes);
            }
        }
        for (Message message : SampleMessages.all()) {
            if (!(message instanceof Heartbeat)) { // the heartbeat handler keeps those
                assertThat(cloud.<Object>readInbound()).isEqualTo(message);
            }
        }
        assertThat(edge.finishAndReleaseAll()).isFalse();
        assertThat(cloud.finishAndReleaseAll()).isFalse();
    }

    @Test
    void sendsHeartbeatsOnWriteSilence() {
        long start = System.nanoTime();
        EmbeddedChannel edge = installed(Duration.ofMillis(50), Duration.ofSeconds(30));
        ByteBuf frame = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    edge.runPendingTasks();
                    return edge.<ByteBuf>readOutbound();
                }, Objects::nonNull);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before 50 ms of silence")
                .isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(frame.getByte(9)).isEqualTo((byte) MessageType.HEARTBEAT.code());
        frame.release();
        edge.finishAndReleaseAll();
    }

    @Test
    void closesOnReadSilence() {
        long start = System.nanoTime();
        EmbeddedChannel edge = installed(Duration.ofMillis(50), Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
            edge.runPendingTasks();
            return !edge.isOpen();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not before 100 ms of silence")
                .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(edge::checkException).as("the reason, for the application's log")
                .isInstanceOf(PeerTimeoutException.class).hasMessage("nothing received for 100 ms");
        edge.finishAndReleaseAll();
    }

    @Test
    void checksItsArguments() {
        assertThatThrownBy(() -> new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heartbeatInterval : PT-1S (expected: >= 0)");
        assertThatThrownBy(() -> new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("readTimeout : PT5S (expected: > heartbeatInterval PT5S)");
    }

    private static EmbeddedChannel installed(Duration heartbeatInterval) {
        return installed(heartbeatInterval, heartbeatInterval.multipliedBy(3));
    }

    private static EmbeddedChannel installed(Duration heartbeatInterval, Duration readTimeout) {
        EmbeddedChannel channel = new EmbeddedChannel();
        new AcaiPipeline(ProtocolLimits.DEFAULT, heartbeatInterval, readTimeout).install(channel.pipeline());
        return channel;
    }
}
