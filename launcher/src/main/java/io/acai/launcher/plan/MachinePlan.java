package io.acai.launcher.plan;

import java.util.List;

/**
 * One machine of an experiment, resolved from the config and ready for a runtime to start.
 *
 * @param name unique name, also the folder under the logs directory and the Kubernetes object name
 * @param role cloud or edge
 * @param image container image (used by the Kubernetes runtime only)
 * @param command the program to run; empty means "the project's own app for this role"
 *     ({@code cloud-app.jar} or {@code edge-app.jar}), which the local runtime starts as a JVM
 * @param args the program's arguments; the literal {@code {}} stands for the cloud's address and is
 *     replaced by the runtime (an IP locally, the Service DNS name on Kubernetes)
 * @param port the TCP port the machine listens on (the cloud's protocol port; 0 for edges)
 * @param resources CPU, memory and GPU
 * @param volumes volumes to mount
 * @param node Kubernetes node to place the machine on ({@code kubernetes.io/hostname}), or null
 */
public record MachinePlan(String name, Role role, String image, List<String> command, List<String> args, int port,
        Resources resources, List<Volume> volumes, String node) {

    /** What {@code {}} in {@link #args()} stands for. */
    public static final String CLOUD_ADDRESS = "{}";

    public MachinePlan {
        command = List.copyOf(command);
        args = List.copyOf(args);
        volumes = List.copyOf(volumes);
    }

    /** True when the machine runs the project's own app jar rather than a user-given command. */
    public boolean runsProjectApp() {
        return command.isEmpty();
    }

    /** {@link #args()} with every {@code {}} replaced by the cloud's address. */
    public List<String> argsWithCloud(String cloudAddress) {
        return args.stream().map(arg -> arg.replace(CLOUD_ADDRESS, cloudAddress)).toList();
    }
}
