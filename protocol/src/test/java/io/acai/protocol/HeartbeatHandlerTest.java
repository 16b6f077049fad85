package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class HeartbeatHandlerTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new HeartbeatHandler(Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC)));

    @Test
    void sendsAHeartbeatWhenNothingWasWritten() {
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
        assertThat(channel.<Object>readOutbound()).isEqualTo(new Heartbeat(1_700_000_000_000L));
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void closesWhenNothingWasReadAndTellsTheApplicationWhy() {
        EmbeddedChannel timed = new EmbeddedChannel(new HeartbeatHandler(Clock.systemUTC(), Duration.ofSeconds(15)));
        timed.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertThat(timed.isOpen()).isFalse();
        assertThat(timed.<Object>readOutbound()).isNull();
        // the application's handler (here the channel's tail) hears the reason, to log it in its own log
        assertThatThrownBy(timed::checkException).isInstanceOf(PeerTimeoutException.class)
                .hasMessage("nothing received for 15 s");
    }

    @Test
    void swallowsHeartbeatsAndPassesEverythingElse() {
        channel.writeInbound(new Heartbeat(1L), new ModelRequest(2), new Heartbeat(3L));
        assertThat(channel.<Object>readInbound()).isEqualTo(new ModelRequest(2));
        assertThat(channel.finish()).isFalse();
    }
}
