package io.acai.protocol;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps a connection alive and drops a dead one, driven by an {@link IdleStateHandler} earlier in
 * the pipeline: when nothing was written for a while it sends a {@link Heartbeat} (and closes the
 * channel if that write fails); when nothing was read for longer it fires a
 * {@link PeerTimeoutException} ({@code "nothing received for 15 s"}) to the handlers after it, which
 * log it in the application's log, and closes the channel. Received heartbeats stop here; every
 * other message goes on to the next handler.
 */
@Sharable
public class HeartbeatHandler extends ChannelInboundHandlerAdapter {

    private final Clock clock;
    private final String silence;

    public HeartbeatHandler() {
        this(Clock.systemUTC());
    }

    public HeartbeatHandler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.silence = "too long";
    }

    /** @param readTimeout the read silence after which the {@link IdleStateHandler} reports, named in the close reason */
    public HeartbeatHandler(Clock clock, Duration readTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.silence = HumanDuration.of(Objects.requireNonNull(readTimeout, "readTimeout"));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                ctx.fireExceptionCaught(new PeerTimeoutException("nothing received for " + silence));
                ctx.close();
            } else if (idle.state() == IdleState.WRITER_IDLE && ctx.channel().isActive()) {
                // a heartbeat that cannot be written means the link is gone
                ctx.writeAndFlush(new Heartbeat(clock.millis())).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            }
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof Heartbeat) {
            return;
        }
        super.channelRead(ctx, msg);
    }
}
