package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.Deployment;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.MachineUsage;
import io.acai.launcher.plan.Role;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An experiment running on a cluster. Per sample period it makes one metrics call ({@link #sample()}),
 * one pod list plus one exec per pod ({@link #collect(Path)}; log streams are opened once per pod, and a pod that
 * replaced one gets its {@link StartGate} opened),
 * and one pod list for {@link #states()}. {@link #close()} removes everything by label, and the
 * namespace when this run created it; a shutdown hook does the same if the JVM ends first (Ctrl-C).
 */
public final class KubernetesDeployment implements Deployment {

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesDeployment.class);
    private static final int COPY_THREADS = 4;
    private static final long COPY_TIMEOUT_SECONDS = 60;

    private final ClusterCalls calls;
    private final ExperimentManifests manifests;
    private final ExperimentTeardown teardown;
    private final PodReadiness pods;
    private final Thread shutdownHook;
    private final Runnable afterClose;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, String> filesDirs = new LinkedHashMap<>();
    private final Map<String, String> machineOfPod = new ConcurrentHashMap<>();
    private final PodUsageSampler usage;
    private final ContainerLogStreams logs;
    private final WorkFilesCopier copier;
    private final Set<String> copyWarned = new HashSet<>();
    private final StartGate gate;
    private final Set<String> gatedMachines = new HashSet<>();
    /** Pods whose start gate is open (or tried): those of the deploy, and any that replaced one since. */
    private final Set<String> gatesOpened = ConcurrentHashMap.newKeySet();
    private Map<String, MachineState> lastStates = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param gate opens the start gate of a pod that replaces one of {@code started} during the run
     * @param started each machine's pod, whose gate the deploy opened
     */
    KubernetesDeployment(KubernetesClient client, ClusterCalls calls, ExperimentManifests manifests,
            ExperimentTeardown teardown, PodReadiness pods, StartGate gate, Map<String, Pod> started,
            Thread shutdownHook, Runnable afterClose) {
        this.calls = calls;
        this.manifests = manifests;
        this.teardown = teardown;
        this.pods = pods;
        this.shutdownHook = shutdownHook;
        this.afterClose = afterClose;
        this.gate = gate;
        started.values().forEach(pod -> gatesOpened.add(pod.getMetadata().getName()));
        for (MachinePlan machine : manifests.plan().machines()) {
            if (StartGate.gated(machine)) {
                gatedMachines.add(machine.name());
            }
            roles.put(machine.name(), machine.role());
            filesDirs.put(machine.name(), MachineManifests.filesDir(machine));
            lastStates.put(machine.name(), MachineState.STARTING);
        }
        this.usage = new PodUsageSampler(client, calls, manifests.namespace(), manifests.experimentId(), roles,
                this::machineOfPod);
        this.logs = new ContainerLogStreams(client, manifests.namespace());
        this.copier = new WorkFilesCopier(client, manifests.namespace(), COPY_TIMEOUT_SECONDS);
    }

    /** The namespace the experiment runs in. */
    public String namespace() {
        return manifests.namespace();
    }

    /** The value of the {@code acai.io/experiment} label on everything this experiment created. */
    public String experimentId() {
        return manifests.experimentId();
    }

    /** True until the cluster says it serves no metrics API. */
    public boolean metricsAvailable() {
        return usage.available();
    }

    @Override
    public synchronized List<MachineUsage> sample() {
        return closed ? List.of() : usage.sample();
    }

    @Override
    public void collect(Path logsDir) {
        Map<String, List<Pod>> current;
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                current = listPods();
            } catch (ClusterCallException e) {
                LOG.warn("collecting files: {}", e.getMessage());
                return;
            }
            logs.follow(current, logsDir);
        }
        openNewGates(current);
        copyFiles(current, logsDir);
    }

    /** Opens the start gate of a pod that replaced one during the run (eviction, node loss), once it runs. */
    private void openNewGates(Map<String, List<Pod>> current) {
        current.forEach((machine, machinePods) -> machinePods.stream()
                .filter(pod -> gatedMachines.contains(machine) && pod.getMetadata().getDeletionTimestamp() == null)
                .filter(PodReadiness::isRunning)
                .filter(pod -> gatesOpened.add(pod.getMetadata().getName()))
                .forEach(pod -> {
                    try {
                        gate.open(machine, pod.getMetadata().getName());
                        LOG.info("machine {}: its new pod {} started its app (start gate opened)", machine,
                                pod.getMetadata().getName());
                    } catch (io.acai.launcher.plan.DeployException e) {
                        LOG.warn(e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
    }

    private void copyFiles(Map<String, List<Pod>> current, Path logsDir) {
        ExecutorService pool = Executors.newFixedThreadPool(COPY_THREADS, r -> {
            Thread thread = new Thread(r, "acai-copy-files");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<Integer>> copies = new LinkedHashMap<>();
            current.forEach((machine, machinePods) -> machinePods.stream()
                    .filter(PodDiagnosis::isReady).findFirst()
                    .ifPresent(pod -> copies.put(machine, pool.submit(
                            () -> copier.copy(pod.getMetadata().getName(), filesDirs.getOrDefault(machine, MachineManifests.WORK_DIR),
                                    logsDir.resolve(machine))))));
            for (Map.Entry<String, Future<Integer>> copy : copies.entrySet()) {
                try {
                    copy.getValue().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    warnCopy(copy.getKey(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    private synchronized void warnCopy(String machine, Throwable cause) {
        if (copyWarned.add(machine)) {
            StringBuilder reason = new StringBuilder(String.valueOf(cause.getMessage()));
            for (Throwable t = cause.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t.getMessage() != null && !reason.toString().endsWith(t.getMessage())) {
                    reason.append(": ").append(t.getMessage());
                }
            }
            LOG.warn("cannot copy the files of machine {} out of its pod (said once per machine): {}", machine,
                    reason);
        }
    }

    @Override
    public synchronized Map<String, MachineState> states() {
        if (closed) {
            Map<String, MachineState> stopped = new LinkedHashMap<>();
            roles.keySet().forEach(machine -> stopped.put(machine, MachineState.STOPPED));
            return stopped;
        }
        Map<String, List<Pod>> current;
        try {
            current = listPods();
        } catch (ClusterCallException e) {
            LOG.warn("reading machine states: {}", e.getMessage());
            return Map.copyOf(lastStates);
        }
        Map<String, MachineState> states = new LinkedHashMap<>();
        for (String machine : roles.keySet()) {
            states.put(machine, state(current.getOrDefault(machine, List.of())));
        }
        lastStates = states;
        return Map.copyOf(states);
    }

    static MachineState state(List<Pod> machinePods) {
        List<Pod> live = machinePods.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
        if (live.stream().anyMatch(PodDiagnosis::isReady)) {
            return MachineState.RUNNING;
        }
        for (Pod pod : live) {
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
                return MachineState.EXITED;
            }
            List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                    ? List.of() : pod.getStatus().getContainerStatuses();
            for (ContainerStatus status : statuses) {
                if (!MachineManifests.APP_CONTAINER.equals(status.getName()) || status.getState() == null) {
                    continue;
                }
                boolean crashLoop = status.getState().getWaiting() != null
                        && "CrashLoopBackOff".equals(status.getState().getWaiting().getReason());
                if (crashLoop || status.getState().getTerminated() != null) {
                    return MachineState.EXITED;
                }
            }
        }
        return MachineState.STARTING;
    }

    private Map<String, List<Pod>> listPods() {
        Map<String, List<Pod>> current = pods.podsByMachine();
        current.forEach((machine, machinePods) -> machinePods.forEach(
                pod -> machineOfPod.put(pod.getMetadata().getName(), machine)));
        return current;
    }

    private String machineOfPod(String pod) {
        String machine = machineOfPod.get(pod);
        if (machine == null) {
            try {
                listPods();
            } catch (ClusterCallException e) {
                return null;
            }
            machine = machineOfPod.get(pod);
        }
        return machine;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        logs.close();
        List<String> problems = new ArrayList<>(teardown.run());
        KubernetesRuntime.removeHook(shutdownHook);
        afterClose.run();
        if (!problems.isEmpty()) {
            LOG.warn("some objects of experiment {} may be left in namespace {}; remove them with: kubectl delete"
                    + " deployments,services,configmaps,pods -n {} -l {}={}", experimentId(), namespace(), namespace(),
                    ExperimentLabels.EXPERIMENT, experimentId());
        }
    }
}
