package io.acai.launcher.config;

import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.launcher.plan.Volume;
import io.acai.options.MachineName;
import io.acai.scenes.DriftScenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of {@code machines[]}, read in two steps: its own fields first, then (once the cloud and
 * its port are known) its command line. A machine without {@code command} runs the project's app for
 * its role; without {@code args} either, its arguments are built from its {@code app} options. The project app's
 * token ({@code app.token}, or {@code --token} in {@code args}) goes into the plan apart from its arguments, for the
 * runtime to pass outside the command line.
 */
final class MachineSection {

    static final List<String> FIELDS = List.of("name", "category", "image", "command", "args", "port", "resources",
            "volumeMounts", "node", "gpu", "app", MachineGroups.FIELD, "logs");
    static final List<String> VOLUME_FIELDS = List.of("name", "mountPath", "nfs");
    static final List<String> NFS_FIELDS = List.of("server", "path");
    /** Port of the cloud when its config does not give one. */
    static final int DEFAULT_CLOUD_PORT = 5000;
    /** Machine and volume names: {@link MachineName}, the rule the cloud also applies to edge ids. */
    static final String NAME_PATTERN = MachineName.PATTERN;
    private static final String NAME_EXPECTED = MachineName.EXPECTED;
    /** {@code logs}: a path of plain characters, which the launcher can put in a shell command as it is. */
    static final String LOGS_PATTERN = "^[A-Za-z0-9_./-]+$";

    private final ConfigNode node;
    private final String name;
    private final Role role;
    private final Optional<Integer> port;
    private final String group;
    private Optional<ConfigNode> app;
    private EdgeAppArgs edgeApp;
    private OriginalAppScript replaced;

    private MachineSection(ConfigNode node, String name, Role role, Optional<Integer> port, String group) {
        this.node = node;
        this.name = name;
        this.role = role;
        this.port = port;
        this.group = group;
    }

    /** A machine that is no group's member. */
    static MachineSection read(ConfigNode node) {
        return read(node, null);
    }

    /** A machine, {@code group} naming the group it is a member of (null for none). */
    static MachineSection read(ConfigNode node, String group) {
        node.checkFields(FIELDS);
        node.require("name");
        node.require("category");
        String name = node.text("name").orElse(null);
        if (name != null && !MachineName.isValid(name)) {
            node.errors().add(node.path("name"), "\"" + name + "\" is not a machine name (expected: " + NAME_EXPECTED + ")");
        }
        Role role = node.choice("category", Set.of("server", "client"), "server or client")
                .map(c -> c.equals("server") ? Role.CLOUD : Role.EDGE).orElse(null);
        Optional<Integer> port = node.integer("port", 1, 65535).map(Long::intValue);
        return new MachineSection(node, name, role, port, group);
    }

    /** The group this machine is a member of, or null. */
    String group() {
        return group;
    }

    /**
     * The original's app script this machine's command runs, which the local runtime replaced with the project's
     * app ({@link #toPlan} decides); empty when it did not.
     */
    Optional<OriginalAppScript> replacedScript() {
        return Optional.ofNullable(replaced);
    }

    /** The original's app script the machine's command line runs, read without recording problems. */
    private Optional<OriginalAppScript> originalScript() {
        if (role == null || !node.has("command")) {
            return Optional.empty();
        }
        ConfigNode quiet = node.quietly();
        return OriginalAppScript.find(role, quiet.strings("command", true).orElse(List.of()),
                quiet.strings("args", true).orElse(List.of()));
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    String path() {
        return node.path();
    }

    /** Whether the machine gives its own {@code args}. */
    boolean hasArgs() {
        return node.has("args");
    }

    /** The port; a cloud without one listens where the original's script it runs says, else on {@value #DEFAULT_CLOUD_PORT}. */
    int portOrDefault() {
        if (port.isPresent() || role != Role.CLOUD) {
            return port.orElse(0);
        }
        return originalScript().flatMap(OriginalAppScript::cloudPort).orElse(DEFAULT_CLOUD_PORT);
    }

    /** The {@code app} object, read once (a value that is not an object is reported once). */
    private Optional<ConfigNode> app() {
        if (app == null) {
            app = node.object("app");
        }
        return app;
    }

    /** An edge's app options, read once: a control reads its target's too. */
    private EdgeAppArgs edgeApp(ExperimentSettings experiment, AppPaths paths) {
        if (edgeApp == null) {
            edgeApp = EdgeAppArgs.read(app(), experiment.model(), paths);
        }
        return edgeApp;
    }

    /**
     * The edge as the cloud's held-out scoring needs it (its command line, and whether it is a control), read
     * without recording problems; empty for the cloud, an edge running a command of its own, or one without a name.
     */
    Optional<HoldoutJudging.Edge> judgingEdge(int cloudPort, ExperimentSettings experiment, AppPaths paths) {
        if (role != Role.EDGE || name == null || node.has("command")) {
            return Optional.empty();
        }
        ConfigNode quiet = node.quietly();
        Optional<ConfigNode> app = quiet.object("app");
        List<String> args = node.has("args") ? quiet.strings("args", true).orElse(List.of())
                : EdgeAppArgs.read(app, experiment.model(), paths).build(name, cloudPort, experiment.seed());
        return Optional.of(new HoldoutJudging.Edge(name, app.map(a -> a.has("controlOf")).orElse(false), args));
    }

    /**
     * The machine, or null when it has errors (already recorded).
     *
     * @param machines every machine by name, where a static control finds its target
     * @param judging how the edges judge, for the cloud's held-out scoring
     */
    MachinePlan toPlan(int cloudPort, ExperimentSettings experiment, AppPaths paths, Map<String, MachineSection> machines,
                       HoldoutJudging judging) {
        String image = node.text("image").orElse(null);
        Optional<List<String>> command = node.strings("command", true);
        Optional<List<String>> args = node.strings("args", true);
        Optional<ConfigNode> app = app();
        if (app.isPresent() && (node.has("command") || node.has("args"))) {
            node.errors().add(node.path("app"), "cannot be combined with " + (node.has("command") ? "command" : "args")
                    + " (expected: either app options or a command line)");
        }
        if (command.isPresent() && command.get().isEmpty()) {
            node.errors().add(node.path("command"), "[] is empty (expected: the program and its leading arguments, "
                    + "or leave command out to run the project's app)");
        }
        Optional<Long> gpu = node.integer("gpu", 0, 16);
        Resources resources = ResourcesSection.read(node.object("resources"), gpu);
        List<Volume> volumes = volumes();
        String placement = node.text("node").orElse(null);
        String logs = node.text("logs").orElse(null);
        if (logs != null && !logs.matches(LOGS_PATTERN)) {
            node.errors().add(node.path("logs"), "\"" + logs + "\" is not a plain path (expected: letters, digits and _ . / -)");
        }
        if (name == null || role == null) {
            return null;
        }
        List<String> arguments;
        String controlOf = null;
        int listensOn = portOrDefault();
        Optional<String> token = Optional.empty();
        Optional<OriginalAppScript> script = command.isPresent() ? originalScript() : Optional.empty();
        if (script.isPresent() && logs == null) {
            logs = OriginalAppScript.LOGS;
        }
        if (script.isPresent() && paths.runtime() == RuntimeKind.LOCAL) {
            arguments = projectArgsFor(script.get());
            if (arguments == null) {
                return null;
            }
            replaced = script.get();
            command = Optional.empty();
            if (role == Role.EDGE) {
                // the original's edges declare ports nothing serves; this project's edge listens on none
                listensOn = 0;
            }
        } else if (command.isPresent()) {
            arguments = args.orElse(List.of());
        } else if (args.isPresent()) {
            // the project's app from a command line of the config's: its token leaves the command line too
            TokenArgs lifted = TokenArgs.lift(args.get());
            arguments = lifted.args();
            token = lifted.token();
        } else if (role == Role.CLOUD) {
            app.filter(a -> a.has("controlOf")).ifPresent(a -> a.errors().add(a.path("controlOf"),
                    "is set on a server (expected: on a client machine only; a control is an edge)"));
            arguments = CloudAppArgs.build(portOrDefault(), app, experiment.model(), experiment.seed(), paths, judging);
            token = app.flatMap(a -> a.secret("token"));
        } else {
            EdgeAppArgs edge = edgeApp(experiment, paths);
            Optional<Long> seed = experiment.seed();
            controlOf = edge.controlOf().orElse(null);
            if (controlOf != null) {
                Optional<EdgeAppArgs> target = controlTarget(controlOf, app.get(), machines, experiment, paths);
                if (target.isEmpty()) {
                    return null;
                }
                edge = edge.controlling(target.get());
                if (!edge.readsData()) {
                    // the target's scenario is seeded from its name unless the experiment gives a seed
                    seed = Optional.of(seed.orElse(DriftScenario.seedOf(controlOf)));
                }
            }
            arguments = edge.build(name, cloudPort, seed);
            if (controlOf == null) {
                token = app.flatMap(a -> a.secret("token"));
            }
        }
        return MachinePlan.builder().setName(name).setRole(role)
                .optImage(image)
                .optCommand(command.orElse(List.of()))
                .optArgs(arguments)
                .optPort(listensOn)
                .optResources(resources)
                .optVolumes(volumes)
                .optNode(placement)
                .optControlOf(controlOf)
                .optGroup(group)
                .optLogs(logs)
                .optToken(token.orElse(null))
                .build();
    }

    /**
     * Locally, the arguments of the project's app that runs in place of the original's {@code script}; null when
     * there are none (the problem recorded): a wrong number of arguments, or a cloud whose {@code port} is not the
     * one its script is given.
     */
    private List<String> projectArgsFor(OriginalAppScript script) {
        Optional<String> problem = script.countProblem();
        if (problem.isPresent()) {
            node.errors().add(node.path("args"), problem.get());
            return null;
        }
        if (role == Role.CLOUD && port.isPresent() && script.cloudPort().filter(p -> !p.equals(port.get())).isPresent()) {
            node.errors().add(node.path("port"), port.get() + " is not the port " + script.positional().get(0)
                    + " the original's " + script.script() + " is given (expected: the same port)");
            return null;
        }
        return script.projectArgs(name);
    }

    /**
     * The app options of the edge a static control names, when it is one a control can copy: another client
     * machine of the config that runs the project's app and is not a control itself. Otherwise empty, the
     * problem recorded on {@code app.controlOf}.
     */
    private Optional<EdgeAppArgs> controlTarget(String target, ConfigNode app, Map<String, MachineSection> machines,
            ExperimentSettings experiment, AppPaths paths) {
        String path = app.path("controlOf");
        String quoted = "\"" + target + "\"";
        MachineSection other = machines.get(target);
        if (target.equals(name)) {
            node.errors().add(path, quoted + " is this machine (expected: the name of another client machine)");
            return Optional.empty();
        }
        if (other == null) {
            List<String> clients = machines.values().stream().filter(m -> m.role == Role.EDGE && m != this)
                    .map(MachineSection::name).toList();
            node.errors().add(path, quoted + " is not a machine of this config (expected one of the client machines: "
                    + String.join(", ", clients) + ")");
            return Optional.empty();
        }
        if (other.role == Role.CLOUD) {
            node.errors().add(path, quoted + " is a server (expected: a client machine; a control sees an edge's frames)");
            return Optional.empty();
        }
        if (other.role == null) {
            return Optional.empty();
        }
        if (other.node.has("command") || other.node.has("args")) {
            node.errors().add(path, quoted + " runs a command line of its own (expected: an edge that runs the project's"
                    + " app from app options, whose frames a control can copy)");
            return Optional.empty();
        }
        EdgeAppArgs targetApp = other.edgeApp(experiment, paths);
        if (targetApp.controlOf().isPresent()) {
            node.errors().add(path, quoted + " is itself the static control of " + targetApp.controlOf().get()
                    + " (expected: an edge that is not a control)");
            return Optional.empty();
        }
        return Optional.of(targetApp);
    }

    private List<Volume> volumes() {
        List<Volume> volumes = new ArrayList<>();
        for (ConfigNode mount : node.objects("volumeMounts")) {
            mount.checkFields(VOLUME_FIELDS);
            mount.require("name");
            mount.require("mountPath");
            String volumeName = mount.text("name").orElse(null);
            if (volumeName != null && !MachineName.isValid(volumeName)) {
                mount.errors().add(mount.path("name"), "\"" + volumeName + "\" is not a volume name (expected: "
                        + NAME_EXPECTED + ")");
            }
            String mountPath = mount.text("mountPath").orElse(null);
            if (mountPath != null && !mountPath.startsWith("/")) {
                mount.errors().add(mount.path("mountPath"), "\"" + mountPath + "\" is not an absolute path");
            }
            String server = null;
            String path = null;
            Optional<ConfigNode> nfs = mount.object("nfs");
            if (nfs.isPresent()) {
                nfs.get().checkFields(NFS_FIELDS);
                nfs.get().require("server");
                nfs.get().require("path");
                server = nfs.get().text("server").orElse(null);
                path = nfs.get().text("path").orElse(null);
                if (path != null && !path.startsWith("/")) {
                    mount.errors().add(nfs.get().path("path"), "\"" + path + "\" is not an absolute path");
                }
            }
            if (volumeName != null && mountPath != null) {
                volumes.add(new Volume(volumeName, mountPath, server, path));
            }
        }
        return volumes;
    }
}
