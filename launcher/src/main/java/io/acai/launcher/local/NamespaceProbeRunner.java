package io.acai.launcher.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs {@link LinkProbe} inside the namespaces: one server per server machine on the port its app
 * will listen on (nothing listens there yet), and one client per pair, connecting to the address
 * its app will use (the relay alias when the pair's delay comes from the relay) from the client machine's own address
 * (an edge host's namespace holds one per member, and each member's link is shaped by it). Each is a small JVM
 * started with {@code ip netns exec}; all of them start together ({@link #prepare}) and the clients
 * then measure the pairs, a batch at a time ({@link ProbeBatches}).
 */
final class NamespaceProbeRunner implements LinkMeasurement.ProbeRunner, AutoCloseable {

    static final int DEFAULT_PORT = 47_000;
    private static final long CLIENT_TIMEOUT_SECONDS = 180;
    private static final long START_TIMEOUT_SECONDS = 120;

    private final NamespaceNetwork network;
    private final Function<String, Integer> portOf;
    private final Function<ProbePair, String> addressFor;
    private final TeardownLedger ledger;
    private final Map<String, ProbeProcess> servers = new HashMap<>();
    private final Map<ProbePair, ProbeProcess> clients = new HashMap<>();
    private static String probeClasses;

    /**
     * @param portOf a machine's listening port (0 when none: the probe then uses {@link #DEFAULT_PORT})
     * @param addressFor the address a pair's client connects to
     */
    NamespaceProbeRunner(NamespaceNetwork network, Function<String, Integer> portOf,
            Function<ProbePair, String> addressFor, TeardownLedger ledger) {
        this.network = network;
        this.portOf = portOf;
        this.addressFor = addressFor;
        this.ledger = ledger;
    }

    int probePort(String machine) {
        int port = portOf.apply(machine);
        return port > 0 ? port : DEFAULT_PORT;
    }

    /**
     * Starts every probe JVM at once (their start is the slow part, and idle JVMs do not disturb a
     * measurement): the servers, then one waiting client per pair.
     */
    synchronized void prepare(List<ProbePair> pairs) throws IOException {
        for (ProbePair pair : pairs) {
            if (!servers.containsKey(pair.server())) {
                servers.put(pair.server(), ProbeProcess.start("server on " + pair.server(),
                        jvm(pair.server(), "serve", Integer.toString(probePort(pair.server()))), ledger));
            }
        }
        for (ProbePair pair : pairs) {
            clients.put(pair, ProbeProcess.start(pair.client() + " -> " + pair.server(), jvm(pair.client(), "measure-on-go",
                    addressFor.apply(pair), Integer.toString(probePort(pair.server())),
                    Long.toString(ProbePair.bytesFor(pair.up())), Long.toString(ProbePair.bytesFor(pair.down())),
                    Integer.toString(pair.pings()), network.host(pair.client()).address()), ledger));
        }
        for (ProbeProcess server : servers.values()) {
            server.awaitReady(START_TIMEOUT_SECONDS);
        }
        for (ProbeProcess client : clients.values()) {
            client.awaitReady(START_TIMEOUT_SECONDS);
        }
    }

    /** Measures one pair; pairs may be measured from several threads at once ({@link LinkMeasurement#measureInBatches}). */
    @Override
    public LinkProbe.Measurement measure(ProbePair pair) throws IOException {
        ProbeProcess client;
        synchronized (this) {
            if (!clients.containsKey(pair)) {
                prepare(List.of(pair));
            }
            client = clients.remove(pair);
        }
        return LinkProbe.Measurement.parse(client.go(CLIENT_TIMEOUT_SECONDS));
    }

    private List<String> jvm(String machine, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", network.host(machine).namespace(),
                MachineCommand.javaBinary().toString(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classPath(), LinkProbe.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A private folder holding just the probe's classes (it needs nothing else), copied once per
     * launcher: a probe JVM then neither opens the whole launcher jar nor depends on a build folder
     * that a concurrent build may be rewriting.
     */
    static synchronized String classPath() {
        if (probeClasses == null) {
            try {
                Path dir = Files.createTempDirectory("acai-probe");
                Path pkg = dir.resolve(LinkProbe.class.getPackageName().replace('.', '/'));
                Files.createDirectories(pkg);
                // deleted on exit in the reverse order of registration: folders first, then their files
                Path folder = dir;
                folder.toFile().deleteOnExit();
                for (Path part : dir.relativize(pkg)) {
                    folder = folder.resolve(part);
                    folder.toFile().deleteOnExit();
                }
                for (Class<?> type : List.of(LinkProbe.class, LinkProbe.Measurement.class)) {
                    String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
                    try (InputStream in = type.getResourceAsStream(file)) {
                        if (in == null) {
                            throw new IOException("class file " + file + " not found");
                        }
                        Files.copy(in, pkg.resolve(file));
                    }
                    pkg.resolve(file).toFile().deleteOnExit();
                }
                probeClasses = dir.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the link probe's classes to a temporary folder", e);
            }
        }
        return probeClasses;
    }

    /** Stops the probe servers (their ports are then free for the apps). */
    @Override
    public synchronized void close() {
        clients.values().forEach(ProbeProcess::stop);
        clients.clear();
        servers.values().forEach(ProbeProcess::stop);
        servers.clear();
    }

}
