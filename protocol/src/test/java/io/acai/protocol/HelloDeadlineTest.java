package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A connection without an accepted Hello is closed at the deadline, whatever else it sends; on a clock the test advances. */
class HelloDeadlineTest {

    private final EmbeddedChannel channel = frozenClock();

    private static EmbeddedChannel frozenClock() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime(); // before the timer starts, so the test alone moves the clock
        channel.pipeline().addLast(new HelloDeadline(Duration.ofSeconds(10)));
        return channel;
    }

    @Test
    void closesAConnectionWithoutHelloAtTheDeadlineAndSaysWhy() {
        advance(9_999);
        assertThat(channel.isOpen()).isTrue();
        advance(1);
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(channel::checkException).isInstanceOf(PeerTimeoutException.class)
                .hasMessage("no Hello accepted within 10 s");
    }

    @Test
    void heartbeatsAndTrickledBytesDoNotExtendIt() {
        for (int second = 0; second < 9; second++) {
            channel.writeInbound(new Heartbeat(second));
            advance(1000);
        }
        assertThat(channel.isOpen()).isTrue();
        channel.writeInbound(new Heartbeat(9));
        advance(1000);
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(channel::checkException).isInstanceOf(PeerTimeoutException.class);
        channel.releaseInbound();
    }

    @Test
    void anAcceptedHelloStopsIt() {
        advance(5000);
        channel.pipeline().fireUserEventTriggered(HelloAccepted.INSTANCE);
        advance(60_000);
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void checksItsTimeout() {
        assertThatThrownBy(() -> new HelloDeadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout : PT0S (expected: > 0)");
        channel.finishAndReleaseAll();
    }

    private void advance(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }
}
