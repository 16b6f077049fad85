package io.acai.launcher.local;

import io.acai.launcher.plan.LinkPlan;

import java.time.Duration;

/**
 * What a user-space relay applies to one direction of a connection.
 *
 * @param delay one-way delay added to every byte
 * @param jitter each chunk's delay varies uniformly within plus or minus this, never reordering bytes
 * @param rateBitsPerSecond pacing rate; 0 leaves the rate to the kernel (or unlimited)
 */
record LinkShape(Duration delay, Duration jitter, long rateBitsPerSecond) {

    static final LinkShape NONE = new LinkShape(Duration.ZERO, Duration.ZERO, 0);

    /** The link's delay and jitter, and its rate only when {@code withRate}. */
    static LinkShape of(LinkPlan link, boolean withRate) {
        if (link == null) {
            return NONE;
        }
        return new LinkShape(link.delay(), link.jitter(), withRate ? link.rateBitsPerSecond() : 0);
    }

    boolean delays() {
        return !delay.isZero() || !jitter.isZero();
    }
}
