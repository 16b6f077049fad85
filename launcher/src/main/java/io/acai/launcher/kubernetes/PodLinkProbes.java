package io.acai.launcher.kubernetes;

import io.acai.launcher.local.LinkMeasurement;
import io.acai.launcher.local.LinkProbe;
import io.acai.launcher.local.ProbePair;
import io.acai.launcher.plan.MachinePlan;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local runtime's {@link LinkProbe} between the experiment's pods, so that a Kubernetes run measures its
 * links as a local run does ({@link LinkMeasurement}: the same pairs, bytes, pings and {@code links.csv}). Each step
 * is an exec in a pod's app container (the project's images hold a Java runtime; an image without one leaves its
 * pairs unmeasured, with a warning):
 * <ol>
 *   <li>the probe's two classes, as a small jar, are written to {@link #JAR} through the exec's stdin
 *       ({@code head -c <size>}, which needs no end of input);</li>
 *   <li>each server machine runs {@code java ... LinkProbe serve <port> <pairs> <seconds>} on {@link #probePort}, a
 *       port its Service also exposes (the app holds its own port), and ends after its pairs or the deadline;</li>
 *   <li>each pair's client runs {@code java ... LinkProbe measure <server's Service name> <port> ...}, the address
 *       its app uses, so packets take the Service path the apps take and meet the same shaping.</li>
 * </ol>
 * The probe JVM (about 40 MB) counts against the app container's memory limit for the seconds it runs.
 */
final class PodLinkProbes implements LinkMeasurement.ProbeRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PodLinkProbes.class);

    /** The probe server's port, unless the machine's app uses it ({@link #probePort}). */
    static final int PORT = 47_000;
    /** Name of the probe's port on a Service. */
    static final String PORT_NAME = "acai-probe";
    static final String JAR = "/tmp/acai-probe/link-probe.jar";
    static final List<String> JVM = List.of("java", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-cp", JAR, LinkProbe.class.getName());
    /** How long a probe server waits for its clients before it ends on its own. */
    static final long SERVER_SECONDS = 300;
    private static final long UPLOAD_TIMEOUT_SECONDS = 60;
    private static final long START_TIMEOUT_SECONDS = 120;
    private static final long CLIENT_TIMEOUT_SECONDS = 180;

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, String> podOf;
    private final Function<String, MachinePlan> machineOf;
    private final Map<String, ExecWatch> servers = new LinkedHashMap<>();
    private final Map<String, String> failedServers = new LinkedHashMap<>();
    private final Set<String> uploaded = new LinkedHashSet<>();
    private byte[] jar;

    /**
     * @param podOf each machine's pod name
     * @param machineOf a machine's plan, by name
     */
    PodLinkProbes(KubernetesClient client, String namespace, Map<String, String> podOf,
            Function<String, MachinePlan> machineOf) {
        this.client = client;
        this.namespace = namespace;
        this.podOf = podOf;
        this.machineOf = machineOf;
    }

    /** The port a machine's probe server listens on: {@link #PORT}, or the next one when its app uses that. */
    static int probePort(MachinePlan machine) {
        return machine.port() == PORT ? PORT + 1 : PORT;
    }

    /**
     * The machine's Service with the probe's port added, for a Service that forwards only the ports it names, and
     * routing to its pod before that pod is ready ({@code publishNotReadyAddresses}): the probe runs while the
     * machine's app is still held by its {@link StartGate}, so a pod with a readiness probe on the app's port (the
     * cloud's) is not ready yet.
     */
    static Service withProbePort(Service service, MachinePlan machine) {
        int port = probePort(machine);
        return new ServiceBuilder(service).editSpec().withPublishNotReadyAddresses(true).addNewPort()
                .withName(PORT_NAME).withProtocol("TCP").withPort(port).withNewTargetPort(port).endPort().endSpec()
                .build();
    }

    /** The command line of a probe server expecting {@code connections} clients. */
    static List<String> serverCommand(int port, int connections) {
        List<String> command = new ArrayList<>(JVM);
        command.addAll(List.of("serve", Integer.toString(port), Integer.toString(connections),
                Long.toString(SERVER_SECONDS)));
        return command;
    }

    /** The command line of a pair's client. */
    static List<String> clientCommand(ProbePair pair, String host, int port) {
        List<String> command = new ArrayList<>(JVM);
        command.addAll(List.of("measure", host, Integer.toString(port), Long.toString(ProbePair.bytesFor(pair.up())),
                Long.toString(ProbePair.bytesFor(pair.down())), Integer.toString(pair.pings())));
        return command;
    }

    /** The shell command that writes the probe jar of {@code size} bytes from stdin. */
    static String uploadScript(int size) {
        String dir = JAR.substring(0, JAR.lastIndexOf('/'));
        return "mkdir -p " + dir + " && head -c " + size + " > " + JAR;
    }

    /** The probe's classes as a jar, the same bytes every time. */
    static synchronized byte[] probeJar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Class<?> type : List.of(LinkProbe.class, LinkProbe.Measurement.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                String file = entry.substring(entry.lastIndexOf('/') + 1);
                try (InputStream in = type.getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IOException("class file " + file + " not found");
                    }
                    JarEntry jarEntry = new JarEntry(entry);
                    jarEntry.setTime(0);
                    jar.putNextEntry(jarEntry);
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Starts one probe server per server machine of {@code pairs}, each expecting its pairs' clients. A server that
     * cannot start is remembered: measuring its pairs then fails with the reason.
     */
    void prepare(List<ProbePair> pairs) throws InterruptedException {
        Map<String, Integer> clientsOf = new LinkedHashMap<>();
        for (ProbePair pair : pairs) {
            clientsOf.merge(pair.server(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> server : clientsOf.entrySet()) {
            if (servers.containsKey(server.getKey()) || failedServers.containsKey(server.getKey())) {
                continue;
            }
            try {
                startServer(server.getKey(), server.getValue());
            } catch (IOException e) {
                failedServers.put(server.getKey(), e.getMessage());
            }
        }
    }

    private void startServer(String machine, int clients) throws IOException, InterruptedException {
        upload(machine);
        int port = probePort(machineOf.apply(machine));
        ByteArrayOutputStream out = new ByteArrayOutputStream(); // synchronized: read while the exec writes
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecWatch watch = client.pods().inNamespace(namespace).withName(pod(machine))
                .inContainer(MachineManifests.APP_CONTAINER).writingOutput(out).writingError(err)
                .exec(serverCommand(port, clients).toArray(String[]::new));
        servers.put(machine, watch);
        awaitReady(machine, watch, out, err);
    }

    private void awaitReady(String machine, ExecWatch watch, ByteArrayOutputStream out, ByteArrayOutputStream err)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!out.toString(StandardCharsets.UTF_8).contains("ready")) {
            if (watch.exitCode().isDone()) {
                throw new IOException("the probe server in " + machine + " ended before it was ready: "
                        + exitOf(watch) + " " + err.toString(StandardCharsets.UTF_8).strip());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the probe server in " + machine + " was not ready within "
                        + START_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
    }

    private static String exitOf(ExecWatch watch) {
        try {
            return "exit " + watch.exitCode().getNow(null);
        } catch (RuntimeException e) {
            return "failed (" + e.getMessage() + ")";
        }
    }

    @Override
    public LinkProbe.Measurement measure(ProbePair pair) throws IOException {
        try {
            prepare(List.of(pair));
            if (failedServers.containsKey(pair.server())) {
                throw new IOException(failedServers.get(pair.server()));
            }
            upload(pair.client());
            int port = probePort(machineOf.apply(pair.server()));
            String output = run(pair.client(), clientCommand(pair, pair.server(), port), null, CLIENT_TIMEOUT_SECONDS);
            return LinkProbe.Measurement.parse(output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring " + pair.client() + " <-> " + pair.server(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(pair.client() + " -> " + pair.server() + ": " + e.getMessage(), e);
        }
    }

    private void upload(String machine) throws IOException, InterruptedException {
        if (uploaded.contains(machine)) {
            return;
        }
        if (jar == null) {
            jar = probeJar();
        }
        List<String> command = List.of("sh", "-c", uploadScript(jar.length));
        try {
            run(machine, command, jar, UPLOAD_TIMEOUT_SECONDS);
        } catch (ExecBroke e) {
            // writing the same file again is harmless, unlike running a probe client twice
            LOG.info("uploading the probe into {} again: {}", machine, e.getMessage());
            run(machine, command, jar, UPLOAD_TIMEOUT_SECONDS);
        }
        uploaded.add(machine);
    }

    /** An exec that broke off or gave no exit status: the command may or may not have run. */
    private static final class ExecBroke extends IOException {

        private static final long serialVersionUID = 1L;

        ExecBroke(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Runs a command to its end in the machine's app container and returns its output; stdin, when given, is written first. */
    private String run(String machine, List<String> command, byte[] stdin, long timeoutSeconds)
            throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var exec = client.pods().inNamespace(namespace).withName(pod(machine)).inContainer(MachineManifests.APP_CONTAINER);
        try (ExecWatch watch = stdin != null
                ? exec.redirectingInput().writingOutput(out).writingError(err).exec(command.toArray(String[]::new))
                : exec.writingOutput(out).writingError(err).exec(command.toArray(String[]::new))) {
            if (stdin != null) {
                OutputStream in = watch.getInput();
                in.write(stdin);
                in.flush();
            }
            Integer exit = watch.exitCode().get(timeoutSeconds, TimeUnit.SECONDS);
            if (exit != null && exit != 0) {
                String lacks = exit == 126 || exit == 127 ? " (its image lacks a command the probe needs: sh, head or java)"
                        : "";
                throw new IOException("'" + String.join(" ", command.subList(0, Math.min(2, command.size())))
                        + " ...' in " + machine + " exited with " + exit + lacks + ": "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (KubernetesClientException e) {
            // the exec's WebSocket did not open (a failed handshake): the command did not start
            throw new ExecBroke("exec in " + machine + " could not start: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""), e);
        } catch (ExecutionException e) {
            throw new ExecBroke("exec in " + machine + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ExecBroke("exec in " + machine + " gave no exit status within " + timeoutSeconds + " s", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private String pod(String machine) throws IOException {
        String pod = podOf.get(machine);
        if (pod == null) {
            throw new IOException("no pod of machine " + machine);
        }
        return pod;
    }

    /** Closes the probe servers' streams (each server also ends on its own after its clients or its deadline). */
    @Override
    public void close() {
        servers.values().forEach(ExecWatch::close);
        servers.clear();
    }
}
