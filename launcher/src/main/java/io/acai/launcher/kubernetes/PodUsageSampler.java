package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.MachineUsage;
import io.acai.launcher.plan.Role;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * CPU and memory of every machine's pod from {@code metrics.k8s.io}, one call per sample: the pod
 * metrics of the experiment's namespace selected by its label. Usage is summed over the pod's
 * containers (app and shaper); CPU quantities ({@code 9559630n}, {@code 250m}) become cores, memory
 * quantities ({@code 22244Ki}) MiB. A pod is matched to its machine by the machine label when the
 * metrics carry the pod's labels, by its name otherwise. When the cluster has no metrics API (404)
 * this says so once and stops asking.
 */
final class PodUsageSampler {

    private static final Logger LOG = LoggerFactory.getLogger(PodUsageSampler.class);
    private static final double MIB = 1024.0 * 1024.0;

    private final KubernetesClient client;
    private final ClusterCalls calls;
    private final String namespace;
    private final String experimentId;
    private final Map<String, Role> roles;
    private final Function<String, String> machineOfPod;
    private final Set<Integer> reportedCodes = new HashSet<>();
    private boolean available = true;

    /**
     * @param machineOfPod the machine a pod name belongs to, or null when unknown
     */
    PodUsageSampler(KubernetesClient client, ClusterCalls calls, String namespace, String experimentId,
            Map<String, Role> roles, Function<String, String> machineOfPod) {
        this.client = client;
        this.calls = calls;
        this.namespace = namespace;
        this.experimentId = experimentId;
        this.roles = Map.copyOf(roles);
        this.machineOfPod = machineOfPod;
    }

    /** False once the cluster said it has no metrics API. */
    boolean available() {
        return available;
    }

    List<MachineUsage> sample() {
        if (!available) {
            return List.of();
        }
        List<PodMetrics> metrics;
        try {
            metrics = calls.run("get pods.metrics.k8s.io in namespace " + namespace, () -> client.top().pods()
                    .inNamespace(namespace).withLabels(Map.of(ExperimentLabels.EXPERIMENT, experimentId)).metrics()
                    .getItems());
        } catch (ClusterCallException e) {
            if (e.isNotFound()) {
                available = false;
                LOG.warn("the cluster has no metrics API (metrics.k8s.io, usually served by metrics-server): CPU and"
                        + " memory are not sampled and consumption.csv stays empty; the experiment carries on");
            } else if (reportedCodes.add(e.code())) {
                LOG.warn("sampling CPU and memory failed (said once per status, the experiment carries on): {}",
                        e.getMessage());
            }
            return List.of();
        }
        long now = System.currentTimeMillis();
        Map<String, double[]> byMachine = new LinkedHashMap<>();
        for (PodMetrics pod : metrics) {
            String machine = machineOf(pod);
            if (machine == null || !roles.containsKey(machine)) {
                continue;
            }
            double[] sum = byMachine.computeIfAbsent(machine, m -> new double[2]);
            for (ContainerMetrics container : pod.getContainers()) {
                sum[0] += amount(container.getUsage().get("cpu"));
                sum[1] += amount(container.getUsage().get("memory")) / MIB;
            }
        }
        List<MachineUsage> usage = new ArrayList<>();
        byMachine.forEach((machine, sum) -> usage.add(new MachineUsage(now, machine, roles.get(machine), sum[0],
                sum[1])));
        return usage;
    }

    private String machineOf(PodMetrics pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        if (labels != null && labels.containsKey(ExperimentLabels.MACHINE)) {
            return labels.get(ExperimentLabels.MACHINE);
        }
        return machineOfPod.apply(pod.getMetadata().getName());
    }

    /** A quantity in base units: cores for CPU, bytes for memory; 0 when absent. */
    static double amount(Quantity quantity) {
        if (quantity == null) {
            return 0;
        }
        BigDecimal value = Quantity.getAmountInBytes(quantity);
        return value.doubleValue();
    }
}
