package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.DeployException;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ClusterIPs of an experiment's Services, read once they are assigned (a real API server assigns one when it
 * creates the Service; a headless Service has none). Only IPv4 addresses are kept: both tc's u32 {@code match ip dst}
 * and Chaos Mesh's ipsets take IPv4 only.
 */
final class ServiceAddresses {

    private final KubernetesClient client;
    private final ClusterCalls calls;
    private final String namespace;
    private final String experimentId;
    private final Duration pollInterval;

    ServiceAddresses(KubernetesClient client, ClusterCalls calls, String namespace, String experimentId,
            Duration pollInterval) {
        this.client = client;
        this.calls = calls;
        this.namespace = namespace;
        this.experimentId = experimentId;
        this.pollInterval = pollInterval;
    }

    /**
     * By Service (machine) name, its IPv4 ClusterIPs; waits up to {@code timeout} for a Service that should have one.
     *
     * @throws DeployException when a non-headless Service still has no ClusterIP at the timeout, naming it
     */
    Map<String, List<String>> clusterIps(Duration timeout) throws DeployException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Service> services = calls.run("list services in namespace " + namespace, () -> client.services()
                    .inNamespace(namespace).withLabels(ExperimentLabels.experiment(experimentId)).list().getItems());
            Map<String, List<String>> addresses = new LinkedHashMap<>();
            String pending = null;
            for (Service service : services) {
                String ip = service.getSpec().getClusterIP();
                if ("None".equals(ip)) {
                    continue;
                }
                List<String> ips = service.getSpec().getClusterIPs() != null && !service.getSpec().getClusterIPs().isEmpty()
                        ? service.getSpec().getClusterIPs() : ip == null || ip.isBlank() ? List.of() : List.of(ip);
                if (ips.isEmpty()) {
                    pending = service.getMetadata().getName();
                    continue;
                }
                addresses.put(service.getMetadata().getName(), ips.stream().filter(a -> a.contains(".")).toList());
            }
            if (pending == null) {
                return addresses;
            }
            if (System.nanoTime() > deadline) {
                throw new DeployException("Service " + pending + " in namespace " + namespace
                        + " has no cluster IP after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }
}
