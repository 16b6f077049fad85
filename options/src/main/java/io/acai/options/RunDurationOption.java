package io.acai.options;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --duration 200s}: how long an app runs before it stops cleanly (any form {@link DurationOption}
 * reads). A picocli mixin: {@code @Mixin RunDurationOption duration;}.
 */
public final class RunDurationOption {

    @Option(names = "--duration", converter = DurationOption.class,
            description = "stop cleanly after this long, for example 200s (default: run until stopped)")
    Duration duration;

    /** How long to run, or empty to run until stopped. */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }
}
