package io.acai.cloud.server;

import io.acai.records.RunLog;
import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the server's open connections and refuses one beyond {@code max}. A refusal is logged, at
 * most one line a second so that a flood of connections cannot flood the log; the line counts the
 * refusals it stands for. Thread-safe.
 */
final class ConnectionLimit {

    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int max;
    private final RunLog log;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refusedUnlogged = new AtomicInteger();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    ConnectionLimit(int max, RunLog log) {
        this.max = max;
        this.log = log;
    }

    /** Whether {@code channel} may stay open; if so it counts until it closes. */
    boolean admit(Channel channel) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            refused(channel);
            return false;
        }
        channel.closeFuture().addListener(f -> open.decrementAndGet());
        return true;
    }

    /** Connections open now. */
    int open() {
        return open.get();
    }

    private void refused(Channel channel) {
        int refused = refusedUnlogged.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogNanos.compareAndSet(last, now)) {
            refusedUnlogged.addAndGet(-refused);
            log.warn("refusing connection from " + channel.remoteAddress() + ": " + max
                    + " connections open, the limit (--max-connections)"
                    + (refused > 1 ? "; " + (refused - 1) + " more refused since the last such line" : ""));
        }
    }
}
