package io.acai.launcher.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs {@link LinkProbe} inside the namespaces: one server per server machine on the port its app
 * will listen on (nothing listens there yet), and one client per pair, connecting to the address
 * its app will use (the relay alias when the pair's delay comes from the relay). Each is a small JVM
 * started with {@code ip netns exec}.
 */
final class NamespaceProbeRunner implements LinkMeasurement.ProbeRunner, AutoCloseable {

    static final int DEFAULT_PORT = 47_000;
    private static final long CLIENT_TIMEOUT_SECONDS = 180;

    private final NamespaceNetwork network;
    private final Function<String, Integer> portOf;
    private final Function<ProbePair, String> addressFor;
    private final TeardownLedger ledger;
    private final Map<String, Process> servers = new HashMap<>();
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

    @Override
    public LinkProbe.Measurement measure(ProbePair pair) throws IOException {
        startServer(pair.server());
        List<String> command = jvm(pair.client(), "measure", addressFor.apply(pair),
                Integer.toString(probePort(pair.server())), Long.toString(ProbePair.bytesFor(pair.up())),
                Long.toString(ProbePair.bytesFor(pair.down())), Integer.toString(pair.pings()));
        HostCommand.Result result = HostCommand.attempt(command, CLIENT_TIMEOUT_SECONDS);
        if (result.exitCode() != 0) {
            throw new IOException("link probe " + pair.client() + " -> " + pair.server() + " failed (exit "
                    + result.exitCode() + "): " + result.output().strip());
        }
        return LinkProbe.Measurement.parse(result.output());
    }

    private void startServer(String machine) throws IOException {
        if (servers.containsKey(machine)) {
            return;
        }
        Process process = new ProcessBuilder(jvm(machine, "serve", Integer.toString(probePort(machine))))
                .redirectErrorStream(true).start();
        ledger.record(TeardownLedger.Kind.PROCESS, process.pid() + ":" + TeardownLedger.startMillis(process.toHandle()));
        servers.put(machine, process);
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.equals("ready")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the server was stopped
            }
        }, "acai-probe-server-" + machine);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(60, TimeUnit.SECONDS) || !process.isAlive()) {
                synchronized (output) {
                    throw new IOException("link probe server on " + machine + " did not start: " + output.toString().strip());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the link probe on " + machine, e);
        }
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
    public void close() {
        servers.values().forEach(p -> TeardownLedger.stop(p.toHandle()));
        servers.clear();
    }

}
