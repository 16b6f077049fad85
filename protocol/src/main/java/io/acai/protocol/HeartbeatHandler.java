package io.acai.protocol;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import java.time.Clock;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a connection alive and drops a dead one, driven by an {@link IdleStateHandler} earlier in
 * the pipeline: when nothing was written for a while it sends a {@link Heartbeat} (and closes the
 * channel if that write fails); when nothing was read for longer it closes the channel. Received heartbeats stop here; every other message goes
 * on to the next handler.
 */
@Sharable
public class HeartbeatHandler extends ChannelInboundHandlerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(HeartbeatHandler.class);

    private final Clock clock;

    public HeartbeatHandler() {
        this(Clock.systemUTC());
    }

    public HeartbeatHandler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                logger.warn("{} sent nothing for too long, closing", ctx.channel().remoteAddress());
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
