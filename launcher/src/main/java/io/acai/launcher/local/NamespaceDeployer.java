package io.acai.launcher.local;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.records.run.LinkRow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an experiment up in the namespace mode: network ({@link NamespaceNetwork}), kernel shaping
 * ({@link TcLinkShaper}), delay relays when the kernel has no netem, the link measurement, cgroups,
 * then the machines (the cloud first), the project's edges K to an edge host when {@code experiment.edgesPerHost} is
 * K &gt; 1 ({@link EdgeHostPacking}). Any failure undoes everything created so far.
 */
final class NamespaceDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceDeployer.class);

    private final HostCapabilities host;
    private final AppJars jars;
    private final boolean measureLinks;

    NamespaceDeployer(HostCapabilities host, AppJars jars, boolean measureLinks) {
        this.host = host;
        this.jars = jars;
        this.measureLinks = measureLinks;
    }

    LocalDeployment deploy(ExperimentPlan plan, Path logsDir, String mode) throws DeployException {
        String runId = HostCapabilities.newRunId();
        TeardownLedger ledger = TeardownLedger.startRun(runId);
        List<AutoCloseable> relays = new ArrayList<>();
        Map<String, MachineProcess> processes = new LinkedHashMap<>();
        String step = "creating the network";
        try {
            List<HostPlan> hosts = EdgeHostPacking.pack(plan);
            NamespaceNetwork network = NamespaceNetwork.create(runId, hosts, ledger);
            step = "shaping the links";
            new TcLinkShaper(network, host).shape(plan.links());
            step = "starting the delay relays";
            RelayPlan relaysPlan = new RelayPlan(plan, host.netem());
            for (MachinePlan server : relaysPlan.servers()) {
                relays.add(startRelay(plan, network, server));
            }
            List<String> warnings = new ArrayList<>(relaysPlan.unrelayedDelays());
            if (measureLinks && !plan.links().isEmpty()) {
                step = "measuring the links";
                warnings.addAll(measure(plan, network, relaysPlan, ledger, logsDir));
            }
            step = "creating cgroups";
            CgroupLimits limits = HostCapabilities.cgroupLimits(runId);
            LocalVolumes.nfsNote(plan).ifPresent(warnings::add);
            for (HostPlan host : hosts) {
                step = "starting " + host.name();
                MachineProcess process = host.isEdgeHost()
                        ? startEdgeHost(plan, network, relaysPlan, host, limits, ledger, logsDir)
                        : startAlone(plan, network, relaysPlan, host.members().get(0), limits, ledger, logsDir);
                host.memberNames().forEach(member -> processes.put(member, process));
            }
            return new LocalDeployment(runId, mode, plan.machines(), processes, relays, ledger, warnings);
        } catch (IOException | RuntimeException e) {
            MachineProcess.stopAll(new LinkedHashSet<>(processes.values()));
            relays.forEach(NamespaceDeployer::closeQuietly);
            ledger.undo();
            throw new DeployException("local deploy failed while " + step + " (everything created was removed): "
                    + e.getMessage(), e);
        }
    }

    private MachineProcess startAlone(ExperimentPlan plan, NamespaceNetwork network, RelayPlan relays,
            MachinePlan machine, CgroupLimits limits, TeardownLedger ledger, Path logsDir) throws IOException {
        NamespaceNetwork.Host h = network.host(machine.name());
        String cloud = cloudAddressFor(plan, network, relays, machine);
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", h.namespace()));
        command.addAll(MachineCommand.of(machine, jars, machine.argsWithCloud(cloud), cloud));
        List<Path> cgroups = limits.create(machine.name(), machine.resources(), ledger);
        Path workDir = logsDir.resolve(machine.name()).toAbsolutePath();
        Files.createDirectories(workDir);
        LocalVolumes.prepare(machine, workDir);
        return MachineProcess.start(machine.name(), command, workDir, cgroups, ledger, machine.token());
    }

    /**
     * An edge host: its members' folders as a lone edge's, its file of members ({@link EdgeHostFile}) and
     * {@code stdout.log} in {@code <logs>/<host>/}, one cgroup with the members' limits summed.
     */
    private MachineProcess startEdgeHost(ExperimentPlan plan, NamespaceNetwork network, RelayPlan relays, HostPlan host,
            CgroupLimits limits, TeardownLedger ledger, Path logsDir) throws IOException {
        for (MachinePlan member : host.members()) {
            Path memberDir = logsDir.resolve(member.name()).toAbsolutePath();
            Files.createDirectories(memberDir);
            LocalVolumes.prepare(member, memberDir);
        }
        Path hostDir = logsDir.resolve(host.name()).toAbsolutePath();
        Path file = EdgeHostFile.write(hostDir, EdgeHostFile.lines(host,
                member -> member.argsWithCloud(cloudAddressFor(plan, network, relays, member)),
                member -> logsDir.resolve(member).toAbsolutePath(), member -> network.host(member).address()));
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec",
                network.host(host.members().get(0).name()).namespace()));
        command.addAll(MachineCommand.edgeHost(host, jars, file));
        List<Path> cgroups = limits.create(host.name(), host.resources(), ledger);
        return MachineProcess.start(host.name(), command, hostDir, cgroups, ledger, host.token());
    }

    private static String cloudAddressFor(ExperimentPlan plan, NamespaceNetwork network, RelayPlan relays, MachinePlan m) {
        NamespaceNetwork.Host cloud = network.host(plan.cloud().name());
        return relays.relayed(m.name(), plan.cloud().name()) ? cloud.alias() : cloud.address();
    }

    private static DelayRelay startRelay(ExperimentPlan plan, NamespaceNetwork network, MachinePlan server)
            throws IOException {
        NamespaceNetwork.Host s = network.host(server.name());
        InetSocketAddress listen = new InetSocketAddress(InetAddress.getByName(s.alias()), server.port());
        InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(s.address()), server.port());
        return DelayRelay.start(listen, target, remote -> route(plan, network, server, remote));
    }

    private static Optional<DelayRelay.Route> route(ExperimentPlan plan, NamespaceNetwork network, MachinePlan server,
            InetAddress remote) {
        return network.byAddress(remote.getHostAddress()).map(client -> {
            try {
                return new DelayRelay.Route(InetAddress.getByName(client.alias()),
                        LinkShape.of(plan.link(client.machine(), server.name()).orElse(null), false),
                        LinkShape.of(plan.link(server.name(), client.machine()).orElse(null), false));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> measure(ExperimentPlan plan, NamespaceNetwork network, RelayPlan relays, TeardownLedger ledger,
            Path logsDir) throws IOException {
        List<ProbePair> pairs = LinkMeasurement.pairs(plan.links(), m -> plan.machine(m).map(p -> p.port() > 0).orElse(false));
        try (NamespaceProbeRunner runner = new NamespaceProbeRunner(network,
                m -> plan.machine(m).map(MachinePlan::port).orElse(0),
                pair -> relays.relayed(pair.client(), pair.server()) ? network.host(pair.server()).alias()
                        : network.host(pair.server()).address(),
                ledger)) {
            List<ProbePair> sample = LinkSample.DEFAULT.pick(pairs);
            if (sample.size() < pairs.size()) {
                LOG.info("measuring {} of {} machine pairs: of pairs configured alike (same server, same shaping each way)"
                        + " {} stand for the rest", sample.size(), pairs.size(), LinkSample.DEFAULT.perShape());
            }
            runner.prepare(sample);
            List<LinkRow> rows = LinkMeasurement.measureInBatches(sample, runner, ProbeBatches.DEFAULT);
            return LinkMeasurement.write(logsDir, rows);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("cannot close {}: {}", closeable, e.getMessage());
        }
    }

    /**
     * Which pairs of machines get their delay from a relay: without netem, a pair where one side listens
     * on a port and either direction has delay or jitter. The relay sits in front of the listening side.
     */
    static final class RelayPlan {
        private final ExperimentPlan plan;
        private final boolean netem;

        RelayPlan(ExperimentPlan plan, boolean netem) {
            this.plan = plan;
            this.netem = netem;
        }

        /** True when {@code client}'s connections to {@code server} go through the relay. */
        boolean relayed(String client, String server) {
            if (netem || client.equals(server)) {
                return false;
            }
            Optional<MachinePlan> s = plan.machine(server);
            if (s.isEmpty() || s.get().port() == 0) {
                return false;
            }
            return delays(plan.link(client, server)) || delays(plan.link(server, client));
        }

        private static boolean delays(Optional<LinkPlan> link) {
            return link.map(l -> !l.delay().isZero() || !l.jitter().isZero()).orElse(false);
        }

        /** Machines that need a relay in front of their port. */
        List<MachinePlan> servers() {
            return plan.machines().stream()
                    .filter(s -> plan.machines().stream().anyMatch(c -> relayed(c.name(), s.name())))
                    .toList();
        }

        /** Delays that cannot be emulated: no netem and neither machine listens on a port. */
        List<String> unrelayedDelays() {
            if (netem) {
                return List.of();
            }
            List<String> warnings = new ArrayList<>();
            for (LinkPlan link : plan.links()) {
                if (delays(Optional.of(link)) && !relayed(link.from(), link.to()) && !relayed(link.to(), link.from())) {
                    String warning = "link " + link.from() + " -> " + link.to() + ": delay not emulated (no netem, and"
                            + " neither machine listens on a port the relay could stand in front of)";
                    LOG.warn(warning);
                    warnings.add(warning);
                }
            }
            return warnings;
        }
    }
}
