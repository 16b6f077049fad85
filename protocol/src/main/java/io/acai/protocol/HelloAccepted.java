package io.acai.protocol;

import io.netty.channel.ChannelHandlerContext;

/**
 * The user event a server's handler fires through the whole pipeline once it accepted a peer's
 * {@link Hello}: {@link AcaiFrameDecoder} then takes frames up to the full limits, and
 * {@link HelloDeadline} stops its timer. Fire it with {@link #fire(ChannelHandlerContext)}.
 */
public final class HelloAccepted {

    public static final HelloAccepted INSTANCE = new HelloAccepted();

    private HelloAccepted() {
    }

    /** Fires the event from the head of {@code ctx}'s pipeline, so the protocol handlers before the caller see it. */
    public static void fire(ChannelHandlerContext ctx) {
        ctx.pipeline().fireUserEventTriggered(INSTANCE);
    }

    @Override
    public String toString() {
        return "HelloAccepted";
    }
}
