package io.acai.protocol;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Installs the protocol handlers in a pipeline, in this order, under these names:
 *
 * <pre>
 * {@value #IDLE}          IdleStateHandler   raw bytes, so a long frame arriving slowly counts as traffic
 * {@value #HELLO_DEADLINE} HelloDeadline     a server's only: closes a peer with no Hello accepted in time
 * {@value #FRAME_DECODER} AcaiFrameDecoder   bytes to frames, the header checked as it arrives
 * {@value #DECODER}       AcaiDecoder        frames to {@link Message}s
 * {@value #ENCODER}       AcaiEncoder        {@link Message}s to frames
 * {@value #HEARTBEAT}     HeartbeatHandler   sends and swallows {@link Heartbeat}s, closes silent peers
 * </pre>
 *
 * The application's handler goes last and receives {@link Message}s; it should log and close the
 * channel from {@code exceptionCaught}, where decoding failures and {@link PeerTimeoutException}s
 * arrive (the protocol handlers close the channel themselves too). A link shaper or traffic counter
 * goes first ({@code addFirst}), so that it sees the bytes on the wire.
 *
 * <p>A server's pipeline ({@link #awaitingHello(Duration)}) takes small frames only
 * ({@link ProtocolLimits#maxFrameLengthBeforeHello()}) and closes the connection after
 * {@code helloTimeout} unless its handler accepted a Hello and said so with
 * {@link HelloAccepted#fire(io.netty.channel.ChannelHandlerContext)}.
 *
 * <pre>
 * protected void initChannel(SocketChannel ch) {
 *     new AcaiPipeline(ProtocolLimits.DEFAULT, Duration.ofSeconds(5)).install(ch.pipeline())
 *             .addLast(new EdgeHandler());
 * }
 * </pre>
 */
public final class AcaiPipeline {

    public static final String IDLE = "acai-idle";
    public static final String HELLO_DEADLINE = "acai-hello-deadline";
    public static final String FRAME_DECODER = "acai-frame-decoder";
    public static final String DECODER = "acai-decoder";
    public static final String ENCODER = "acai-encoder";
    public static final String HEARTBEAT = "acai-heartbeat";

    private final ProtocolLimits limits;
    private final Duration heartbeatInterval;
    private final Duration readTimeout;
    /** {@code null} for a client's pipeline. */
    private final Duration helloTimeout;

    /** Heartbeats every {@code heartbeatInterval} of write silence; a peer silent for three intervals is dropped. */
    public AcaiPipeline(ProtocolLimits limits, Duration heartbeatInterval) {
        this(limits, heartbeatInterval, heartbeatInterval.multipliedBy(3));
    }

    /**
     * @param heartbeatInterval write silence after which a heartbeat goes out; {@link Duration#ZERO}
     *                          installs neither heartbeats nor the read timeout
     * @param readTimeout       read silence after which the channel is closed; longer than the interval
     */
    public AcaiPipeline(ProtocolLimits limits, Duration heartbeatInterval, Duration readTimeout) {
        this(limits, heartbeatInterval, readTimeout, null);
    }

    private AcaiPipeline(ProtocolLimits limits, Duration heartbeatInterval, Duration readTimeout,
                         Duration helloTimeout) {
        this.helloTimeout = helloTimeout;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        if (heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeatInterval : " + heartbeatInterval + " (expected: >= 0)");
        }
        if (!heartbeatInterval.isZero() && readTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("readTimeout : " + readTimeout
                    + " (expected: > heartbeatInterval " + heartbeatInterval + ")");
        }
    }

    /**
     * The same pipeline for a server: frames of at most {@link ProtocolLimits#maxFrameLengthBeforeHello()}
     * bytes and a {@link HelloDeadline} of {@code helloTimeout} until the handler fires {@link HelloAccepted}.
     */
    public AcaiPipeline awaitingHello(Duration helloTimeout) {
        Objects.requireNonNull(helloTimeout, "helloTimeout");
        if (helloTimeout.isNegative() || helloTimeout.isZero()) {
            throw new IllegalArgumentException("helloTimeout : " + helloTimeout + " (expected: > 0)");
        }
        return new AcaiPipeline(limits, heartbeatInterval, readTimeout, helloTimeout);
    }

    /** Adds the handlers at the end of {@code pipeline}; returns it for the application's handlers. */
    public ChannelPipeline install(ChannelPipeline pipeline) {
        boolean heartbeats = !heartbeatInterval.isZero();
        if (heartbeats) {
            // observeOutput: a slow write still in progress is not write silence
            pipeline.addLast(IDLE, new IdleStateHandler(true, readTimeout.toMillis(), heartbeatInterval.toMillis(),
                    0, TimeUnit.MILLISECONDS));
        }
        if (helloTimeout != null) {
            pipeline.addLast(HELLO_DEADLINE, new HelloDeadline(helloTimeout));
            pipeline.addLast(FRAME_DECODER, AcaiFrameDecoder.awaitingHello(limits));
        } else {
            pipeline.addLast(FRAME_DECODER, new AcaiFrameDecoder(limits));
        }
        pipeline.addLast(DECODER, new AcaiDecoder(limits));
        pipeline.addLast(ENCODER, new AcaiEncoder(limits));
        if (heartbeats) {
            pipeline.addLast(HEARTBEAT, new HeartbeatHandler(Clock.systemUTC(), readTimeout));
        }
        return pipeline;
    }
}
