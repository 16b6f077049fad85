package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds an app back until the launcher lets it start: the app container's command becomes
 * {@code sh -c 'until [ -e /acai/gate/open ]; do sleep 0.2; done; exec "$0" "$@"' <command...>}, the folder an
 * emptyDir of the pod, so the pods run (and get their addresses, shaping and link measurement) before any app does.
 * The launcher opens a pod's gate with one exec, {@code touch /acai/gate/open}; the file outlives a restart of the
 * container (the emptyDir is the pod's), not a new pod, whose gate the launcher opens when it sees it.
 *
 * <p>A machine's command is known for the project's images ({@link ProjectImages#ENTRYPOINT}) and for a machine
 * whose config gives a {@code command}; another image's entrypoint is not, so such a machine is not gated and starts
 * with its pod.
 */
final class StartGate {

    private static final Logger LOG = LoggerFactory.getLogger(StartGate.class);
    static final String VOLUME = "acai-gate";
    static final String DIR = "/acai/gate";
    static final String FILE = DIR + "/open";
    /** The wrapper around the app's command ({@code $0} and {@code $@}: the command and its arguments). */
    static final String SCRIPT = "[ -e " + FILE + " ] || echo \"acai: waiting for the launcher to open " + FILE
            + " (once the links are shaped and measured)\"; until [ -e " + FILE + " ]; do sleep 0.2; done; "
            + "exec \"$0\" \"$@\"";
    private static final int THREADS = 8;
    private static final long EXEC_TIMEOUT_SECONDS = 60;
    private static final String EXITED = "'touch " + FILE + "' exited with ";
    private static final long RETRY_PAUSE_MILLIS = 500;

    private final KubernetesClient client;
    private final String namespace;

    StartGate(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /**
     * The gated command of the machine's app container, when the launcher knows what it runs: {@code sh -c SCRIPT}
     * followed by its command (the container's args follow both).
     */
    static Optional<List<String>> command(MachinePlan machine) {
        List<String> command;
        if (!machine.runsProjectApp()) {
            command = machine.command();
        } else if (ProjectImages.runsProjectImage(machine)) {
            command = ProjectImages.ENTRYPOINT;
        } else {
            return Optional.empty();
        }
        List<String> gated = new ArrayList<>(List.of("sh", "-c", SCRIPT));
        gated.addAll(command);
        return Optional.of(gated);
    }

    static boolean gated(MachinePlan machine) {
        return command(machine).isPresent();
    }

    static Volume volume() {
        return new VolumeBuilder().withName(VOLUME).withNewEmptyDir().endEmptyDir().build();
    }

    static VolumeMount mount() {
        return new VolumeMountBuilder().withName(VOLUME).withMountPath(DIR).build();
    }

    /** The command that opens a gate, run in the app container. */
    static List<String> openCommand() {
        return List.of("touch", FILE);
    }

    /** Logs, once, the machines that start with their pods because their image's entrypoint is unknown. */
    static void sayUngated(List<MachinePlan> machines) {
        List<String> ungated = machines.stream().filter(m -> !gated(m)).map(m -> m.name() + " (" + m.image() + ")")
                .toList();
        if (!ungated.isEmpty()) {
            LOG.info("not held back until the links are shaped and measured, their image's entrypoint being unknown"
                    + " to the launcher (give a \"command\" in the config to hold them): {}", String.join(", ", ungated));
        }
    }

    /**
     * Opens the gate of every gated machine's pod: the cloud's first, then the others, a few at once.
     *
     * @param pods each machine's running pod
     * @throws DeployException when a gate cannot be opened (its app would never start), naming machine and pod
     */
    void open(List<MachinePlan> machines, Map<String, Pod> pods) throws DeployException, InterruptedException {
        List<MachinePlan> gated = machines.stream().filter(StartGate::gated).filter(m -> pods.containsKey(m.name()))
                .toList();
        for (MachinePlan machine : gated) {
            if (machine.role() == Role.CLOUD) {
                open(machine.name(), pods.get(machine.name()).getMetadata().getName());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "acai-start-gate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<?>> openings = new LinkedHashMap<>();
            for (MachinePlan machine : gated) {
                if (machine.role() != Role.CLOUD) {
                    String pod = pods.get(machine.name()).getMetadata().getName();
                    openings.put(machine.name(), pool.submit(() -> {
                        open(machine.name(), pod);
                        return null;
                    }));
                }
            }
            for (Future<?> opening : openings.values()) {
                try {
                    opening.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof DeployException deploy) {
                        throw deploy;
                    }
                    throw new DeployException("opening the start gates failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.info("start gates opened in {} pods: their apps start now", gated.size());
    }

    /**
     * Opens one pod's gate ({@code touch} in its app container). An exec that breaks off or ends without an exit
     * status is tried once more ({@code touch} can run twice); an exit status other than 0 fails at once.
     */
    void open(String machine, String pod) throws DeployException, InterruptedException {
        String failure = tryOpen(pod);
        if (failure != null && !failure.startsWith(EXITED)) {
            LOG.info("start gate of {} (pod {}): {}; trying once more", machine, pod, failure);
            Thread.sleep(RETRY_PAUSE_MILLIS);
            failure = tryOpen(pod);
        }
        if (failure != null) {
            throw new DeployException("cannot open the start gate of machine " + machine + " (pod " + pod
                    + ", container " + MachineManifests.APP_CONTAINER + "), so its app would never start: " + failure);
        }
    }

    /** One exec of {@code touch}: null when it exited 0, else what went wrong. */
    private String tryOpen(String pod) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch watch = client.pods().inNamespace(namespace).withName(pod)
                .inContainer(MachineManifests.APP_CONTAINER).writingOutput(out).writingError(err)
                .exec(openCommand().toArray(String[]::new))) {
            Integer exit = watch.exitCode().get(EXEC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (exit == null) {
                return "exec ended without an exit status";
            }
            if (exit == 0) {
                return null;
            }
            return EXITED + exit + ": " + err.toString(StandardCharsets.UTF_8).strip();
        } catch (ExecutionException e) {
            return "exec failed: " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "exec gave no exit status within " + EXEC_TIMEOUT_SECONDS + " s";
        } catch (RuntimeException e) {
            return "exec failed: " + e.getMessage();
        }
    }
}
