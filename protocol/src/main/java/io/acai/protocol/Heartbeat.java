package io.acai.protocol;

/**
 * Either way, sent by {@link HeartbeatHandler} when a connection had nothing to write for a while,
 * so that the peer's reader-idle timeout does not close it.
 *
 * <p>Payload: {@code int64 timestampMillis}.
 *
 * @param timestampMillis the sender's wall clock, milliseconds since the epoch
 */
public record Heartbeat(long timestampMillis) implements Message {

    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}
