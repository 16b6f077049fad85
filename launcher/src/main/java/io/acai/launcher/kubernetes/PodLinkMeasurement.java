package io.acai.launcher.kubernetes;

import io.acai.launcher.local.LinkMeasurement;
import io.acai.launcher.local.ProbePair;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.records.run.LinkRow;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes run's link measurement, once every pod runs and the shaping is in place ({@link ShapingInPlace}) and
 * before the apps start ({@link StartGate}): measures every pair of machines with {@link PodLinkProbes} and writes
 * {@code links.csv} as the local runtime does. It never fails the run: a pair that cannot be measured, or shaping
 * not in place in time, becomes a warning (logged and returned).
 */
final class PodLinkMeasurement {

    private static final Logger LOG = LoggerFactory.getLogger(PodLinkMeasurement.class);

    private final KubernetesClient client;
    private final ExperimentManifests manifests;

    PodLinkMeasurement(KubernetesClient client, ExperimentManifests manifests) {
        this.client = client;
        this.manifests = manifests;
    }

    /**
     * @param ready each machine's running pod
     * @return the warnings: pairs not measured, links more than 10% off
     */
    List<String> measure(Map<String, Pod> ready, Path logsDir) throws InterruptedException {
        ExperimentPlan plan = manifests.plan();
        Map<String, String> podOf = new LinkedHashMap<>();
        ready.forEach((machine, pod) -> podOf.put(machine, pod.getMetadata().getName()));
        List<String> warnings = new ArrayList<>();
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

    private static String warn(String warning) {
        LOG.warn(warning);
        return warning;
    }
}
