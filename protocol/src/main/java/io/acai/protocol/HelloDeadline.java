package io.acai.protocol;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a server's connection whose peer has no {@link Hello} accepted within {@code timeout} of
 * connecting. The timer runs from the connection's start and nothing but a {@link HelloAccepted}
 * event stops it: heartbeats and a trickle of bytes do not extend it. On expiry it fires a
 * {@link PeerTimeoutException} ({@code "no Hello accepted within 10 s"}) to the handlers after it,
 * then closes the channel.
 */
public class HelloDeadline extends ChannelInboundHandlerAdapter {

    private final Duration timeout;
    private ScheduledFuture<?> timer;
    private boolean accepted;

    public HelloDeadline(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout : " + timeout + " (expected: > 0)");
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive() && ctx.channel().isRegistered()) {
            start(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HelloAccepted) {
            accepted = true;
            stop();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stop();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void start(ChannelHandlerContext ctx) {
        if (timer == null && !accepted) {
            timer = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        if (!accepted && ctx.channel().isOpen()) {
            ctx.fireExceptionCaught(new PeerTimeoutException("no Hello accepted within " + HumanDuration.of(timeout)));
            ctx.close();
        }
    }
}
