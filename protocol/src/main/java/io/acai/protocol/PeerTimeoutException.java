package io.acai.protocol;

import io.netty.channel.ChannelException;

/**
 * A peer took too long: it sent nothing for longer than the read timeout ({@link HeartbeatHandler}),
 * or no accepted {@link Hello} by the deadline ({@link HelloDeadline}). The handler that notices fires
 * it to the application's {@code exceptionCaught}, where it is logged, and closes the channel.
 */
public class PeerTimeoutException extends ChannelException {

    private static final long serialVersionUID = 1L;

    public PeerTimeoutException(String message) {
        super(message);
    }
}
