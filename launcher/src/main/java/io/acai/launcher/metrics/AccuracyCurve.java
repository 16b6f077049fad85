package io.acai.launcher.metrics;

import java.util.OptionalInt;

/**
 * Accuracy over time: {@code percent[i]} at {@code seconds[i]}, in time order.
 *
 * @param seconds time of each point, in seconds
 * @param percent accuracy at that time, 0 to 100
 */
public record AccuracyCurve(double[] seconds, double[] percent) {

    public AccuracyCurve {
        if (seconds.length != percent.length) {
            throw new IllegalArgumentException("seconds: " + seconds.length + " points, percent: " + percent.length
                    + " (expected: as many)");
        }
    }

    public int size() {
        return seconds.length;
    }

    /** The first point at or after {@code from} seconds with the lowest accuracy (the earliest of equal ones). */
    public OptionalInt lowestFrom(double from) {
        int lowest = -1;
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] >= from && (lowest < 0 || percent[i] < percent[lowest])) {
                lowest = i;
            }
        }
        return lowest < 0 ? OptionalInt.empty() : OptionalInt.of(lowest);
    }

    /** The first point from index {@code from} on with an accuracy of at least {@code level}. */
    public OptionalInt firstAtLeast(int from, double level) {
        for (int i = from; i < seconds.length; i++) {
            if (percent[i] >= level) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
