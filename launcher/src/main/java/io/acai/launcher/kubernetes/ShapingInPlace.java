package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits until the links are shaped, before they are measured and before the apps start ({@link StartGate}). tc: each sending machine's shaper container has logged
 * {@code acai-shaper: applied} (kubelet delivers the scripts up to about a minute after they are written, more on
 * a loaded node). Chaos Mesh: every NetworkChaos of the experiment has the condition {@code AllInjected} true.
 * Returns what is still not in place at the timeout, for a warning; the measurement then shows it.
 */
final class ShapingInPlace {

    private static final Logger LOG = LoggerFactory.getLogger(ShapingInPlace.class);
    /** What the shaping container prints once it has applied its script ({@link TcShaping#LOOP}). */
    static final String APPLIED = "acai-shaper: applied";
    /** Kubelet delivers a changed ConfigMap within its sync period plus its cache's lifetime, about a minute each. */
    static final Duration TC_TIMEOUT = Duration.ofMinutes(3);
    static final Duration CHAOS_TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    private final String namespace;
    private final Duration pollInterval;

    ShapingInPlace(KubernetesClient client, String namespace, Duration pollInterval) {
        this.client = client;
        this.namespace = namespace;
        this.pollInterval = pollInterval;
    }

    /**
     * Waits until the experiment's shaping ({@link ExperimentManifests#options()}) is in place: in tc mode the scripts
     * of the machines that send on a shaped link applied, in Chaos Mesh mode every NetworkChaos injected.
     *
     * @param podOf each machine's pod name
     * @return the warnings (logged): what was not in place at the timeout
     */
    List<String> await(ExperimentManifests manifests, Map<String, String> podOf) throws InterruptedException {
        ExperimentPlan plan = manifests.plan();
        List<String> warnings = new ArrayList<>();
        switch (manifests.options().shaping()) {
            case TC -> {
                Map<String, String> senders = new LinkedHashMap<>();
                for (MachinePlan machine : plan.machines()) {
                    boolean sends = plan.links().stream().map(LinkPlan::from).anyMatch(machine.name()::equals);
                    if (sends && podOf.containsKey(machine.name())) {
                        senders.put(machine.name(), podOf.get(machine.name()));
                    }
                }
                LOG.info("waiting for the tc shaping of {} machines to be applied before the links are measured and"
                        + " the apps start", senders.size());
                List<String> pending = tcApplied(senders, TC_TIMEOUT);
                if (!pending.isEmpty()) {
                    warnings.add(warn("tc shaping not applied in " + String.join(", ", pending) + " within "
                            + TC_TIMEOUT.toMinutes() + " min (no \"" + APPLIED + "\" in their " + TcShaping.CONTAINER
                            + " container's log); the links are measured and the apps started anyway"));
                }
            }
            case CHAOS_MESH -> {
                List<String> pending = chaosInjected(manifests.experimentId(), CHAOS_TIMEOUT);
                if (!pending.isEmpty()) {
                    warnings.add(warn("NetworkChaos " + String.join(", ", pending) + " not injected (no condition"
                            + " AllInjected=True) within " + CHAOS_TIMEOUT.toSeconds() + " s; the links are measured"
                            + " and the apps started anyway"));
                }
            }
            case NONE -> {
            }
        }
        return warnings;
    }

    private static String warn(String warning) {
        LOG.warn(warning);
        return warning;
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
