package io.acai.launcher.local;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.Deployment;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.launcher.plan.MachinePlan;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded local runtime. As root on Linux, where {@code ip netns} works, it runs each machine in
 * its own network namespace behind a bridge, shapes rates with tc htb, emulates loss with a tc BPF
 * random drop, delay and jitter with netem when the kernel has it and with a user-space TCP relay
 * otherwise, and limits CPU and memory with cgroups ({@link NamespaceDeployer}). Elsewhere it runs the
 * machines as processes on loopback with a relay per link to the cloud for rate and delay
 * ({@link LoopbackDeployer}). Either way it measures every shaped direction into {@code links.csv}.
 */
public final class LocalRuntime implements ExperimentRuntime {

    private final AppJars jars;
    private final boolean measureLinks;
    private final boolean allowNamespaces;
    private HostCapabilities host;

    public LocalRuntime(AppJars jars) {
        this(jars, true, true);
    }

    /**
     * @param measureLinks whether to measure the links into {@code links.csv} before the machines start
     * @param allowNamespaces false forces the loopback mode even as root
     */
    public LocalRuntime(AppJars jars, boolean measureLinks, boolean allowNamespaces) {
        this.jars = jars;
        this.measureLinks = measureLinks;
        this.allowNamespaces = allowNamespaces;
    }

    synchronized HostCapabilities host() {
        if (host == null) {
            host = allowNamespaces ? HostCapabilities.probe()
                    : new HostCapabilities(HostCapabilities.probe().linux(), false, false, false, false, "loopback mode requested");
        }
        return host;
    }

    @Override
    public String describe() {
        HostCapabilities h = host();
        if (h.namespaces()) {
            return "local runtime, namespace mode (root on Linux): one network namespace per machine (or per edge host) on a bridge, rate"
                    + " with tc htb, delay and jitter with " + (h.netem() ? "netem" : "a user-space TCP relay")
                    + ", loss with " + (h.dropFilter() ? "a tc BPF random drop" : h.netem() ? "netem" : "nothing")
                    + ", " + HostCapabilities.cgroupLimits("000000").describe()
                    + "; netem " + (h.netem() ? "present" : "absent in this kernel")
                    + (h.limitations().isEmpty() ? "" : "; cannot emulate: " + h.limitations());
        }
        return "local runtime, loopback mode (" + h.why() + "): machines are processes on 127.0.0.1, links to the cloud"
                + " go through a user-space relay for rate, delay and jitter; netem not probed; cannot emulate: "
                + h.limitations();
    }

    @Override
    public Deployment deploy(ExperimentPlan plan, Path logsDir) throws DeployException {
        HostCapabilities h = host();
        check(plan, logsDir, h.namespaces());
        String mode = describe();
        if (h.namespaces()) {
            return new NamespaceDeployer(h, jars, measureLinks).deploy(plan, logsDir, mode);
        }
        return new LoopbackDeployer(jars, measureLinks).deploy(plan, logsDir, mode);
    }

    /** Everything that can be found wrong before anything starts. */
    private void check(ExperimentPlan plan, Path logsDir, boolean namespaces) throws DeployException {
        List<String> problems = new ArrayList<>();
        for (MachinePlan machine : plan.machines()) {
            if (machine.runsProjectApp()) {
                Path jar = machine.role() == io.acai.launcher.plan.Role.CLOUD ? jars.cloudJar() : jars.edgeJar();
                if (!Files.isRegularFile(jar)) {
                    problems.add("machine " + machine.name() + ": app jar " + jar + " does not exist (build it with mvn package)");
                }
            } else {
                String program = machine.command().get(0);
                if (program.contains("/") && !Files.isExecutable(Path.of(program))) {
                    problems.add("machine " + machine.name() + ": command " + program + " does not exist or is not executable");
                }
            }
        }
        if (!namespaces && plan.edgesPerHost() > 1) {
            problems.add("experiment.edgesPerHost : " + plan.edgesPerHost() + " is not supported by the local runtime's "
                    + "loopback mode (expected: 1; edge hosts need the namespace mode, as root on Linux, where each "
                    + "member gets its own address and shaped link)");
        }
        if (namespaces) {
            for (MachinePlan server : new NamespaceDeployer.RelayPlan(plan, host().netem()).servers()) {
                String clash = portInUse(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
                if (clash != null) {
                    problems.add("machine " + server.name() + ": port " + server.port() + " is already in use on this host ("
                            + clash + "); the delay relay standing for it needs that port; free it or choose another port");
                }
            }
        } else {
            Map<Integer, String> ports = new HashMap<>();
            for (MachinePlan machine : plan.machines()) {
                if (machine.port() > 0) {
                    String other = ports.putIfAbsent(machine.port(), machine.name());
                    if (other != null) {
                        problems.add("machines " + other + " and " + machine.name() + " both listen on port " + machine.port()
                                + ", which clashes on loopback");
                    }
                }
            }
            MachinePlan cloud = plan.cloud();
            String clash = cloud.port() > 0 ? portInUse(new InetSocketAddress(cloud.port())) : null;
            if (clash != null) {
                problems.add("machine " + cloud.name() + ": port " + cloud.port() + " is already in use on this host ("
                        + clash + "); free it or choose another port");
            }
        }
        try {
            Files.createDirectories(logsDir);
        } catch (IOException e) {
            problems.add("cannot create the logs directory " + logsDir + ": " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new DeployException(String.join("; ", problems));
        }
    }

    /**
     * Null when the address can be bound, otherwise why not. In the namespace mode the relay binds a
     * run-private address, which only a listener on every address ({@code 0.0.0.0:port}) can block:
     * binding {@code 127.0.0.1:port} detects exactly those (and lets two runs use the same port).
     */
    private static String portInUse(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
