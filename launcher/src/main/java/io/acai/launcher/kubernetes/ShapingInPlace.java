package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Waits until the links are shaped, before they are measured. tc: each sending machine's shaper container has logged
 * {@code acai-shaper: applied} (kubelet delivers the scripts up to about a minute after they are written, more on
 * a loaded node). Chaos Mesh: every NetworkChaos of the experiment has the condition {@code AllInjected} true.
 * Returns what is still not in place at the timeout, for a warning; the measurement then shows it.
 */
final class ShapingInPlace {

    /** What the shaping container prints once it has applied its script ({@link TcShaping#LOOP}). */
    static final String APPLIED = "acai-shaper: applied";

    private final KubernetesClient client;
    private final String namespace;
    private final Duration pollInterval;

    ShapingInPlace(KubernetesClient client, String namespace, Duration pollInterval) {
        this.client = client;
        this.namespace = namespace;
        this.pollInterval = pollInterval;
    }

    /**
     * Waits for the shaper containers of {@code senders} (machine to pod name) to apply their scripts.
     *
     * @return the machines whose shaping was not applied within {@code timeout}
     */
    List<String> tcApplied(Map<String, String> senders, Duration timeout) throws InterruptedException {
        List<String> pending = new ArrayList<>(senders.keySet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            pending.removeIf(machine -> applied(senders.get(machine)));
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(pollInterval.toMillis());
        }
        return pending;
    }

    private boolean applied(String pod) {
        try {
            String log = client.pods().inNamespace(namespace).withName(pod).inContainer(TcShaping.CONTAINER).getLog();
            return log != null && log.contains(APPLIED);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Waits for every NetworkChaos labelled with the experiment to be injected into all its pods.
     *
     * @return the names of the objects not injected within {@code timeout}
     */
    List<String> chaosInjected(String experimentId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> pending = new ArrayList<>();
            for (GenericKubernetesResource chaos : client.genericKubernetesResources(ChaosMeshShaping.CONTEXT)
                    .inNamespace(namespace).withLabels(ExperimentLabels.experiment(experimentId)).list().getItems()) {
                if (!allInjected(chaos)) {
                    pending.add(chaos.getMetadata().getName());
                }
            }
            if (pending.isEmpty() || System.nanoTime() > deadline) {
                return pending;
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** Whether the object's {@code status.conditions} hold {@code AllInjected} with status {@code True}. */
    static boolean allInjected(GenericKubernetesResource chaos) {
        if (!(chaos.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof Collection<?> conditions)) {
            return false;
        }
        return conditions.stream().anyMatch(c -> c instanceof Map<?, ?> condition
                && "AllInjected".equals(condition.get("type")) && "True".equals(condition.get("status")));
    }
}
