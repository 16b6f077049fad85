package io.acai.launcher.plan;

import java.time.Duration;

/**
 * One shaped direction of a connection: traffic sent by {@code from} to {@code to}. A config
 * connection with {@code direction: both} becomes two of these. A zero rate means unlimited; zero
 * delay, jitter and loss mean none.
 *
 * @param from sending machine
 * @param to receiving machine
 * @param rateBitsPerSecond rate limit of this direction, in bits per second
 * @param delay one-way delay added to this direction (the config's {@code latency} is one-way)
 * @param jitter random variation of the delay (uniform within plus or minus jitter)
 * @param lossPercent share of packets dropped in this direction, 0 to 100
 */
public record LinkPlan(String from, String to, long rateBitsPerSecond, Duration delay, Duration jitter,
        double lossPercent) {

    public LinkPlan {
        if (rateBitsPerSecond < 0) {
            throw new IllegalArgumentException("rateBitsPerSecond: " + rateBitsPerSecond + " (expected: >= 0)");
        }
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("delay and jitter must not be negative");
        }
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("lossPercent: " + lossPercent + " (expected: 0 to 100)");
        }
    }

    public boolean limitsRate() {
        return rateBitsPerSecond > 0;
    }

    public double rateMbps() {
        return rateBitsPerSecond / 1e6;
    }
}
