package io.acai.launcher.local;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.records.run.LinkRow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an experiment up without privileges: every machine is a process on this host's loopback.
 * Each machine with a shaped link to or from the cloud reaches the cloud through its own
 * {@link DelayRelay} on {@code 127.0.0.1:<free port>}, which applies both directions' rate, delay and
 * jitter; its arguments get {@code 127.0.0.1} for {@code {}} and the relay's port instead of the
 * cloud's port (an argument equal to the cloud's port, or {@code {}:<port>}). Loss, links that do not
 * involve the cloud, and CPU and memory limits beyond JVM flags cannot be emulated here.
 */
final class LoopbackDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackDeployer.class);
    static final String LOOPBACK = "127.0.0.1";

    private final AppJars jars;
    private final boolean measureLinks;

    LoopbackDeployer(AppJars jars, boolean measureLinks) {
        this.jars = jars;
        this.measureLinks = measureLinks;
    }

    LocalDeployment deploy(ExperimentPlan plan, Path logsDir, String mode) throws DeployException {
        MachinePlan cloud = plan.cloud();
        checkPortFree(cloud);
        String runId = HostCapabilities.newRunId();
        TeardownLedger ledger = TeardownLedger.startRun(runId);
        List<AutoCloseable> relays = new ArrayList<>();
        Map<String, DelayRelay> relayOf = new HashMap<>();
        Map<String, MachineProcess> processes = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        String step = "starting the relays";
        try {
            InetSocketAddress cloudAddress = new InetSocketAddress(InetAddress.getByName(LOOPBACK), cloud.port());
            for (MachinePlan machine : plan.machines()) {
                Optional<LinkPlan> up = plan.link(machine.name(), cloud.name());
                Optional<LinkPlan> down = plan.link(cloud.name(), machine.name());
                if (machine == cloud || (up.isEmpty() && down.isEmpty())) {
                    continue;
                }
                DelayRelay.Route route = new DelayRelay.Route(null, LinkShape.of(up.orElse(null), true),
                        LinkShape.of(down.orElse(null), true));
                DelayRelay relay = DelayRelay.start(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0), cloudAddress,
                        remote -> Optional.of(route));
                relays.add(relay);
                relayOf.put(machine.name(), relay);
            }
            for (LinkPlan link : plan.links()) {
                if (!link.from().equals(cloud.name()) && !link.to().equals(cloud.name())) {
                    warnings.add("link " + link.from() + " -> " + link.to() + " not emulated on loopback (only links to"
                            + " and from the cloud go through a relay)");
                }
                if (link.lossPercent() > 0) {
                    warnings.add("link " + link.from() + " -> " + link.to() + ": loss not emulated on loopback");
                }
            }
            warnings.forEach(LOG::warn);
            if (measureLinks && !relayOf.isEmpty()) {
                step = "measuring the links";
                warnings.addAll(measure(plan, relayOf, logsDir));
            }
            LocalVolumes.nfsNote(plan).ifPresent(warnings::add);
            for (MachinePlan machine : plan.machines()) {
                step = "starting " + machine.name();
                DelayRelay relay = relayOf.get(machine.name());
                List<String> args = relay == null ? machine.argsWithCloud(LOOPBACK)
                        : throughRelay(machine.args(), cloud.port(), relay.address().getPort());
                Path workDir = logsDir.resolve(machine.name()).toAbsolutePath();
                Files.createDirectories(workDir);
                LocalVolumes.prepare(machine, workDir);
                processes.put(machine.name(), MachineProcess.start(machine.name(),
                        MachineCommand.of(machine, jars, args, LOOPBACK), workDir, List.of(), ledger, machine.token()));
            }
            return new LocalDeployment(runId, mode, plan.machines(), processes, relays, ledger, warnings);
        } catch (IOException | RuntimeException e) {
            MachineProcess.stopAll(processes.values());
            relays.forEach(r -> {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // best effort
                }
            });
            ledger.undo();
            throw new DeployException("local deploy failed while " + step + " (everything created was removed): "
                    + e.getMessage(), e);
        }
    }

    /** {@code {}} becomes 127.0.0.1; the cloud's port (alone, or after {@code {}:}) becomes the relay's. */
    static List<String> throughRelay(List<String> args, int cloudPort, int relayPort) {
        String port = Integer.toString(cloudPort);
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals(port)) {
                out.add(Integer.toString(relayPort));
            } else {
                out.add(arg.replace(MachinePlan.CLOUD_ADDRESS + ":" + port, LOOPBACK + ":" + relayPort)
                        .replace(MachinePlan.CLOUD_ADDRESS, LOOPBACK));
            }
        }
        return out;
    }

    private static List<String> measure(ExperimentPlan plan, Map<String, DelayRelay> relays, Path logsDir)
            throws IOException {
        String cloud = plan.cloud().name();
        List<LinkPlan> cloudLinks = plan.links().stream()
                .filter(l -> l.from().equals(cloud) || l.to().equals(cloud)).toList();
        List<ProbePair> pairs = LinkMeasurement.pairs(cloudLinks, cloud::equals);
        try (ServerSocket server = LinkProbe.serveInBackground(new InetSocketAddress(plan.cloud().port()))) {
            List<LinkRow> rows = LinkMeasurement.measure(pairs, pair -> LinkProbe.measure(
                    relays.get(pair.client()).address(), ProbePair.bytesFor(pair.up()), ProbePair.bytesFor(pair.down()),
                    pair.pings()));
            return LinkMeasurement.write(logsDir, rows);
        }
    }

    private static void checkPortFree(MachinePlan cloud) throws DeployException {
        if (cloud.port() <= 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(cloud.port()));
        } catch (IOException e) {
            throw new DeployException("machine " + cloud.name() + ": port " + cloud.port()
                    + " is already in use on this host (" + e.getMessage() + "); stop what uses it or choose another port");
        }
    }
}
