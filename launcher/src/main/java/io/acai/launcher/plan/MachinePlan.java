package io.acai.launcher.plan;

import io.acai.options.TokenOption;

import java.util.List;
import java.util.Objects;

/**
 * One machine of an experiment, resolved from the config and ready for a runtime to start. Built with
 * {@link #builder()}: name and role are required; the rest defaults to the project's app with no
 * arguments, port 0, no resources, volumes or node.
 *
 * <pre>{@code
 * MachinePlan cloud = MachinePlan.builder().setName("cloud").setRole(Role.CLOUD)
 *         .optArgs(List.of("7000", "cloud.log", "cloud.csv")).optPort(7000)
 *         .build();
 * }</pre>
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
 * @param controlOf for a static control, the edge whose frames it sees with the starting model (it never talks to
 *     the cloud, so its arguments hold no {@code {}}); null for every other machine
 * @param group the group ({@code "count"} in the config) this machine is a member of, or null
 * @param logs Kubernetes only: the folder of the app container (absolute, or relative to its working directory) whose
 *     logs and CSVs are collected; null for the default, the project's working folder for the project's images and
 *     the container's own working directory for any other
 * @param token the secret of the project's app (the cloud's to ask for and sign with, an edge's to present), or
 *     null for none. Never part of {@link #args()}: the runtimes pass it in the app's environment
 *     ({@link TokenOption#ENVIRONMENT_VARIABLE}), so that {@code ps} does not show it, and {@link #toString()}
 *     does not print it
 */
public record MachinePlan(String name, Role role, String image, List<String> command, List<String> args, int port,
        Resources resources, List<Volume> volumes, String node, String controlOf, String group, String logs,
        String token) {

    /** What {@code {}} in {@link #args()} stands for. */
    public static final String CLOUD_ADDRESS = "{}";

    public MachinePlan {
        command = List.copyOf(command);
        args = List.copyOf(args);
        volumes = List.copyOf(volumes);
    }

    /** A builder with every optional value at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** True when the machine runs the project's own app jar rather than a user-given command. */
    public boolean runsProjectApp() {
        return command.isEmpty();
    }

    /** True for a static control: an edge that never connects to the cloud, uploads or swaps. */
    public boolean isControl() {
        return controlOf != null;
    }

    /** Whether the machine's app has a token, which the runtime passes outside its command line. */
    public boolean hasToken() {
        return token != null;
    }

    /** The record's fields, the token shown only as set or not. */
    @Override
    public String toString() {
        return "MachinePlan[name=" + name + ", role=" + role + ", image=" + image + ", command=" + command + ", args="
                + args + ", port=" + port + ", resources=" + resources + ", volumes=" + volumes + ", node=" + node
                + ", controlOf=" + controlOf + ", token=" + (hasToken() ? "set" : "none") + "]";
    }

    /** {@link #args()} with every {@code {}} replaced by the cloud's address. */
    public List<String> argsWithCloud(String cloudAddress) {
        return args.stream().map(arg -> arg.replace(CLOUD_ADDRESS, cloudAddress)).toList();
    }

    /** Builds a {@link MachinePlan}: {@code setX} for required values, {@code optX} for optional ones. */
    public static final class Builder {

        private String name;
        private Role role;
        private String image;
        private List<String> command = List.of();
        private List<String> args = List.of();
        private int port;
        private Resources resources = Resources.NONE;
        private List<Volume> volumes = List.of();
        private String node;
        private String controlOf;
        private String group;
        private String logs;
        private String token;

        private Builder() {
        }

        /** Unique name: the folder under the logs directory and the Kubernetes object name. */
        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setRole(Role role) {
            this.role = role;
            return this;
        }

        /** Container image for the Kubernetes runtime; {@code null}: the project's image for the role. */
        public Builder optImage(String image) {
            this.image = image;
            return this;
        }

        /** The program to run; empty (the default): the project's own app for the role. */
        public Builder optCommand(List<String> command) {
            this.command = Objects.requireNonNull(command, "command");
            return this;
        }

        /** The program's arguments, {@value #CLOUD_ADDRESS} standing for the cloud's address. */
        public Builder optArgs(List<String> args) {
            this.args = Objects.requireNonNull(args, "args");
            return this;
        }

        /** The TCP port the machine listens on (default 0: none). */
        public Builder optPort(int port) {
            this.port = port;
            return this;
        }

        public Builder optResources(Resources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        public Builder optVolumes(List<Volume> volumes) {
            this.volumes = Objects.requireNonNull(volumes, "volumes");
            return this;
        }

        /** Kubernetes node to place the machine on; {@code null} (the default): anywhere. */
        public Builder optNode(String node) {
            this.node = node;
            return this;
        }

        /** The edge this one is a static control of; {@code null} (the default): not a control. */
        public Builder optControlOf(String controlOf) {
            this.controlOf = controlOf;
            return this;
        }

        /** The group this machine is a member of; {@code null} (the default): none. */
        public Builder optGroup(String group) {
            this.group = group;
            return this;
        }

        /** Kubernetes: the app container's folder whose logs and CSVs are collected; {@code null} (the default): its default. */
        public Builder optLogs(String logs) {
            this.logs = logs;
            return this;
        }

        /** The app's token, passed outside its command line; {@code null} or empty (the default): none. */
        public Builder optToken(String token) {
            this.token = token == null || token.isEmpty() ? null : token;
            return this;
        }

        /**
         * The plan.
         *
         * @throws IllegalStateException naming the first required value that was not set
         */
        public MachinePlan build() {
            if (name == null) {
                throw new IllegalStateException("MachinePlan: name is not set (call setName)");
            }
            if (role == null) {
                throw new IllegalStateException("MachinePlan " + name + ": role is not set (call setRole)");
            }
            if (controlOf != null && role != Role.EDGE) {
                throw new IllegalStateException("MachinePlan " + name + ": only an edge can be a control (role " + role
                        + ")");
            }
            if (token != null && !command.isEmpty()) {
                throw new IllegalStateException("MachinePlan " + name + ": a token is for the project's app, not a "
                        + "command of its own");
            }
            return new MachinePlan(name, role, image, command, args, port, resources, volumes, node, controlOf, group, logs, token);
        }
    }
}
