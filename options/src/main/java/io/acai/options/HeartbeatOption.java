package io.acai.options;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --heartbeat 5s}: the write silence on an edge-cloud connection after which a heartbeat goes out,
 * the same on both ends. A picocli mixin: {@code @Mixin HeartbeatOption heartbeat;}.
 */
public final class HeartbeatOption {

    /** The default interval, in seconds. */
    public static final int DEFAULT_SECONDS = 5;

    /** The default interval, {@value #DEFAULT_SECONDS} s. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(DEFAULT_SECONDS);

    @Option(names = "--heartbeat", defaultValue = DEFAULT_SECONDS + "s", converter = DurationOption.class,
            description = "heartbeat interval on the edge-cloud connection (default: ${DEFAULT-VALUE})")
    Duration heartbeat;

    /** The interval. */
    public Duration interval() {
        return heartbeat;
    }
}
