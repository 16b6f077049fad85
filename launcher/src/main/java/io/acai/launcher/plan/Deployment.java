package io.acai.launcher.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A running experiment on some runtime. The launcher's run loop calls {@link #sample()} and
 * {@link #collect(Path)} once per sample period and {@link #close()} exactly once at the end, which
 * removes everything the runtime created and nothing else.
 */
public interface Deployment extends AutoCloseable {

    /** CPU and memory of every machine since the previous call; machines that cannot be measured are left out. */
    List<MachineUsage> sample();

    /** Makes sure each machine's logs and CSVs are under {@code logsDir/<machine>/}. */
    void collect(Path logsDir);

    /** Current state of every machine, by name. */
    Map<String, MachineState> states();

    /**
     * The exit code of a machine's program once it ended (an edge refused by the cloud ends with 3, for example), empty
     * while it runs or where the runtime does not know it.
     */
    default OptionalInt exitCode(String machine) {
        return OptionalInt.empty();
    }

    /** Stops every machine and removes everything created for the experiment. Idempotent. */
    @Override
    void close();
}
