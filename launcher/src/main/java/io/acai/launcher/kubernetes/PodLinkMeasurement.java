package io.acai.launcher.kubernetes;

import io.acai.launcher.local.LinkMeasurement;
import io.acai.launcher.local.ProbePair;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.records.run.LinkRow;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes run's link measurement, once every pod is ready and shaping is set up: waits until the shaping is in
 * place ({@link ShapingInPlace}), measures every pair of machines with {@link PodLinkProbes} and writes
 * {@code links.csv} as the local runtime does. It never fails the run: a pair that cannot be measured, or shaping
 * not in place in time, becomes a warning (logged and returned).
 */
final class PodLinkMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(PodLinkMeasurement.class);
    /** Kubelet delivers a changed ConfigMap within its sync period plus its cache's lifetime, about a minute each. */
    static final Duration TC_TIMEOUT = Duration.ofMinutes(3);
    static final Duration CHAOS_TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    private final ExperimentManifests manifests;
    private final Duration pollInterval;

    PodLinkMeasurement(KubernetesClient client, ExperimentManifests manifests, Duration pollInterval) {
        this.client = client;
        this.manifests = manifests;
        this.pollInterval = pollInterval;
    }

    /**
     * @param ready each machine's ready pod
     * @return the warnings: shaping not in place, pairs not measured, links more than 10% off
     */
    List<String> measure(Map<String, Pod> ready, Path logsDir) throws InterruptedException {
        ExperimentPlan plan = manifests.plan();
        Map<String, String> podOf = new LinkedHashMap<>();
        ready.forEach((machine, pod) -> podOf.put(machine, pod.getMetadata().getName()));
        List<String> warnings = new ArrayList<>(awaitShaping(plan, podOf));
        List<ProbePair> pairs = LinkMeasurement.pairs(plan.links(),
                m -> plan.machine(m).map(p -> p.port() > 0).orElse(false));
        List<LinkRow> rows = new ArrayList<>();
        try (PodLinkProbes probes = new PodLinkProbes(client, manifests.namespace(), podOf,
                m -> plan.machine(m).orElseThrow())) {
            probes.prepare(pairs);
            for (ProbePair pair : pairs) {
                try {
                    rows.addAll(LinkMeasurement.measure(List.of(pair), probes));
                } catch (IOException e) {
                    warnings.add(warn("links " + pair.client() + " <-> " + pair.server() + " not measured: "
                            + e.getMessage()));
                }
            }
        }
        if (!rows.isEmpty()) {
            try {
                Files.createDirectories(logsDir);
                warnings.addAll(LinkMeasurement.write(logsDir, rows));
                LOG.info("measured {} shaped directions into {}", rows.size(), LinkRow.SCHEMA.in(logsDir));
            } catch (IOException e) {
                warnings.add(warn("cannot write " + LinkRow.SCHEMA.in(logsDir) + ": " + e.getMessage()));
            }
        }
        return warnings;
    }

    private List<String> awaitShaping(ExperimentPlan plan, Map<String, String> podOf) throws InterruptedException {
        ShapingInPlace shaping = new ShapingInPlace(client, manifests.namespace(), pollInterval);
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
                LOG.info("waiting for the tc shaping of {} machines to be applied before measuring the links",
                        senders.size());
                List<String> pending = shaping.tcApplied(senders, TC_TIMEOUT);
                if (!pending.isEmpty()) {
                    warnings.add(warn("tc shaping not applied in " + String.join(", ", pending) + " within "
                            + TC_TIMEOUT.toMinutes() + " min (no \"" + ShapingInPlace.APPLIED + "\" in their "
                            + TcShaping.CONTAINER + " container's log); the links were measured anyway"));
                }
            }
            case CHAOS_MESH -> {
                List<String> pending = shaping.chaosInjected(manifests.experimentId(), CHAOS_TIMEOUT);
                if (!pending.isEmpty()) {
                    warnings.add(warn("NetworkChaos " + String.join(", ", pending) + " not injected (no condition"
                            + " AllInjected=True) within " + CHAOS_TIMEOUT.toSeconds() + " s; the links were measured"
                            + " anyway"));
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
}
