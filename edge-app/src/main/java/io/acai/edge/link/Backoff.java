package io.acai.edge.link;

import java.time.Duration;

/** Reconnect delays: doubling from {@code initial} up to {@code max}, back to {@code initial} after a success. */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff : " + initial + " to " + max + " (expected: 0 < initial <= max)");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = initialMillis;
    }

    public synchronized long nextDelayMillis() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    public synchronized void reset() {
        nextMillis = initialMillis;
    }
}
