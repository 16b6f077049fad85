package io.acai.cloud.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What the cloud's server grants peers it does not know yet: how many connections may be open at
 * once, and how long a connection may stay without an accepted Hello. Together with the protocol's
 * frame limit before Hello ({@link io.acai.protocol.ProtocolLimits#maxFrameLengthBeforeHello()}), they
 * bound what unauthenticated peers cost: at most {@code maxConnections} times that frame, for at most
 * {@code helloTimeout} each.
 *
 * @param maxConnections connections open at once; one more is closed as it arrives, with a log line
 * @param helloTimeout   time from connecting to an accepted Hello, after which the connection is closed
 */
public record ServerLimits(int maxConnections, Duration helloTimeout) {

    /** {@code --max-connections}: far above the edges of any experiment. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    /** {@code --hello-timeout}: an edge sends its Hello as soon as it is connected. */
    public static final Duration DEFAULT_HELLO_TIMEOUT = Duration.ofSeconds(10);

    public static final ServerLimits DEFAULT = new ServerLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_HELLO_TIMEOUT);

    public ServerLimits {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("--max-connections : " + maxConnections + " (expected: >= 1)");
        }
        Objects.requireNonNull(helloTimeout, "helloTimeout");
        if (helloTimeout.isNegative() || helloTimeout.isZero()) {
            throw new IllegalArgumentException("--hello-timeout : " + helloTimeout + " (expected: > 0)");
        }
    }
}
