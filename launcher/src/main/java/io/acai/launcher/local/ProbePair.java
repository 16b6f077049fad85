package io.acai.launcher.local;

import io.acai.launcher.plan.LinkPlan;

import java.time.Duration;

/**
 * Two machines measured together: a probe client on {@code client} connects to a probe server on
 * {@code server} through the same address and port its app will use, and measures {@code up}
 * (client to server) and {@code down} (server to client), each only when it is a shaped direction.
 *
 * @param up the shaped direction client to server, or null
 * @param down the shaped direction server to client, or null
 */
public record ProbePair(String client, String server, LinkPlan up, LinkPlan down) {

    static final double PROBE_SECONDS = 1.0;
    static final long UNLIMITED_BYTES = 16L << 20;

    /** Configured round trip: the two one-way delays (a direction not configured adds none). */
    public Duration configuredRtt() {
        return delay(up).plus(delay(down));
    }

    private static Duration delay(LinkPlan link) {
        return link == null ? Duration.ZERO : link.delay();
    }

    /** Bytes that take about {@link #PROBE_SECONDS} at the link's rate (64 KiB to 64 MiB), or 0 for no link. */
    public static long bytesFor(LinkPlan link) {
        if (link == null) {
            return 0;
        }
        if (!link.limitsRate()) {
            return UNLIMITED_BYTES;
        }
        long bytes = (long) (link.rateBitsPerSecond() / 8.0 * PROBE_SECONDS);
        return Math.max(64 << 10, Math.min(64L << 20, bytes));
    }

    public int pings() {
        return configuredRtt().toMillis() > 100 ? 5 : 10;
    }
}
