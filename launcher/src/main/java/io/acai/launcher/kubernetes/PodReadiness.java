package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.DeployException;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits until every machine of an experiment has a running pod (every container started: its app may still be held
 * by its {@link StartGate}), or a ready one, polling the experiment's pods with one
 * list call per period. Gives up early when a pod shows a failure that waiting will not cure (an image
 * that cannot be pulled, a crash loop) and at the timeout otherwise, with the reason of every machine
 * that is not ready, taken from pod status and events.
 */
final class PodReadiness {

    private final KubernetesClient client;
    private final ClusterCalls calls;
    private final String namespace;
    private final String experimentId;
    private final List<String> machines;
    private final Duration poll;

    PodReadiness(KubernetesClient client, ClusterCalls calls, String namespace, String experimentId,
            List<String> machines, Duration poll) {
        this.client = client;
        this.calls = calls;
        this.namespace = namespace;
        this.experimentId = experimentId;
        this.machines = List.copyOf(machines);
        this.poll = poll;
    }

    /** The ready pod of every machine, by machine name. */
    Map<String, Pod> await(Duration timeout) throws DeployException, InterruptedException {
        return await(timeout, PodDiagnosis::isReady, "did not become ready");
    }

    /**
     * The running pod of every machine, by machine name: phase {@code Running} and every container running, not
     * necessarily ready (the cloud's readiness probe cannot pass before its gated app listens).
     */
    Map<String, Pod> awaitRunning(Duration timeout) throws DeployException, InterruptedException {
        return await(timeout, PodReadiness::isRunning, "did not start");
    }

    static boolean isRunning(Pod pod) {
        if (PodDiagnosis.isReady(pod)) {
            return true;
        }
        if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())
                || pod.getStatus().getContainerStatuses() == null || pod.getSpec() == null) {
            return false;
        }
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return statuses.size() >= pod.getSpec().getContainers().size() && statuses.stream()
                .allMatch(c -> c.getState() != null && c.getState().getRunning() != null);
    }

    private Map<String, Pod> await(Duration timeout, Predicate<Pod> done, String notDone)
            throws DeployException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, List<Pod>> pods = podsByMachine();
            Map<String, Pod> ready = new LinkedHashMap<>();
            boolean hopeless = false;
            for (String machine : machines) {
                List<Pod> own = pods.getOrDefault(machine, List.of());
                Optional<Pod> readyPod = own.stream()
                        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                        .filter(done).findFirst();
                if (readyPod.isPresent()) {
                    ready.put(machine, readyPod.get());
                } else if (own.stream().anyMatch(p -> PodDiagnosis.hopeless(p).isPresent())) {
                    hopeless = true;
                }
            }
            if (ready.size() == machines.size()) {
                return ready;
            }
            if (hopeless) {
                throw new DeployException(failure(pods, ready, "failed to start", true));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DeployException(failure(pods, ready, notDone + " within " + format(timeout),
                        false));
            }
            Thread.sleep(poll.toMillis());
        }
    }

    Map<String, List<Pod>> podsByMachine() {
        List<Pod> pods = calls.run("list pods in namespace " + namespace, () -> client.pods().inNamespace(namespace)
                .withLabels(ExperimentLabels.experiment(experimentId)).list().getItems());
        Map<String, List<Pod>> byMachine = new LinkedHashMap<>();
        for (Pod pod : pods) {
            Map<String, String> labels = pod.getMetadata().getLabels();
            String machine = labels == null ? null : labels.get(ExperimentLabels.MACHINE);
            if (machine != null) {
                byMachine.computeIfAbsent(machine, m -> new ArrayList<>()).add(pod);
            }
        }
        return byMachine;
    }

    /**
     * The reason of every machine that is not ready; with {@code onlyHopeless}, only of those whose pods
     * cannot recover, the others being counted as still starting.
     */
    private String failure(Map<String, List<Pod>> pods, Map<String, Pod> ready, String what, boolean onlyHopeless) {
        List<Event> events = events();
        StringBuilder text = new StringBuilder("experiment pods in namespace " + namespace + " " + what + ":");
        int starting = 0;
        for (String machine : machines) {
            if (ready.containsKey(machine)) {
                continue;
            }
            if (onlyHopeless && pods.getOrDefault(machine, List.of()).stream()
                    .noneMatch(p -> PodDiagnosis.hopeless(p).isPresent())) {
                starting++;
                continue;
            }
            text.append("\n  ").append(machine).append(": ");
            List<Pod> own = pods.getOrDefault(machine, List.of());
            if (own.isEmpty()) {
                text.append("no pod was created");
                List<String> controllerWarnings = events.stream()
                        .filter(e -> "Warning".equals(e.getType()) && e.getInvolvedObject() != null
                                && e.getInvolvedObject().getName() != null
                                && e.getInvolvedObject().getName().startsWith(machine + "-"))
                        .map(e -> e.getReason() + ": " + e.getMessage()).distinct().limit(3).toList();
                if (!controllerWarnings.isEmpty()) {
                    text.append("; events: ").append(String.join(" | ", controllerWarnings));
                }
            } else {
                text.append(String.join("\n    ", own.stream().map(p -> PodDiagnosis.explain(p, events)).toList()));
            }
        }
        if (starting > 0) {
            text.append("\n  (").append(starting).append(starting == 1 ? " other machine was" : " other machines were")
                    .append(" still starting)");
        }
        return text.toString();
    }

    private List<Event> events() {
        try {
            return calls.run("list events in namespace " + namespace,
                    () -> client.v1().events().inNamespace(namespace).list().getItems());
        } catch (ClusterCallException e) {
            return List.of();
        }
    }

    private static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
