package io.acai.protocol;

import java.time.Duration;

/** A duration for log lines: {@code 10 s}, {@code 1.5 s} or {@code 250 ms}. */
final class HumanDuration {

    private HumanDuration() {
    }

    static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }
}
