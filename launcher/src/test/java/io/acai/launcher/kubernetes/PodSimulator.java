package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Plays the Deployment controller and the kubelet for the mock server, which does neither: for every
 * Deployment that appears in a namespace it creates one pod from the template, named as the
 * controller names them, with the status the test chooses.
 */
final class PodSimulator implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final Function<Deployment, PodStatus> status;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> done = new HashSet<>();
    private final Thread thread;
    private volatile Throwable failure;

    PodSimulator(KubernetesClient client, String namespace, Function<Deployment, PodStatus> status) {
        this.client = client;
        this.namespace = namespace;
        this.status = status;
        this.thread = new Thread(this::loop, "pod-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running.get()) {
                for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
                    String name = deployment.getMetadata().getName();
                    if (done.add(name)) {
                        client.pods().inNamespace(namespace).resource(pod(deployment)).create();
                    }
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** The name the simulated controller gives the pod of a Deployment, as a real one would: name-hash-suffix. */
    static String podName(String deployment) {
        return deployment + "-7d9f8c6b5-" + String.format("x%04d", Math.floorMod(deployment.hashCode(), 10000));
    }

    private Pod pod(Deployment deployment) {
        String name = podName(deployment.getMetadata().getName());
        return new PodBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .endMetadata()
                .withSpec(deployment.getSpec().getTemplate().getSpec())
                .withStatus(status.apply(deployment))
                .build();
    }

    /** A running pod whose containers are all ready, with the given address. */
    static PodStatus ready(Deployment deployment, String ip) {
        List<ContainerStatus> containers = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .map(c -> new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(true)
                        .withRestartCount(0).withNewState().withNewRunning().withStartedAt("2026-01-01T00:00:00Z")
                        .endRunning().endState().build())
                .toList();
        return new PodStatusBuilder()
                .withPhase("Running")
                .withPodIP(ip)
                .addNewPodIP().withIp(ip).endPodIP()
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withContainerStatuses(containers)
                .build();
    }

    /** Deploys {@code plan} while simulated pods become ready, each with its own 10.244.0.x address. */
    static KubernetesDeployment deployReady(KubernetesClient client, KubernetesOptions options,
            io.acai.launcher.plan.ExperimentPlan plan, java.nio.file.Path logs) throws Exception {
        String namespace = options.namespace() != null ? options.namespace()
                : ExperimentManifests.defaultNamespace(plan.name());
        int[] next = {10};
        try (PodSimulator pods = new PodSimulator(client, namespace, d -> ready(d, "10.244.0." + next[0]++))) {
            return (KubernetesDeployment) new KubernetesRuntime(client, options)
                    .withPollInterval(java.time.Duration.ofMillis(50)).deploy(plan, logs);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5000);
        if (failure != null) {
            throw new AssertionError("pod simulator failed", failure);
        }
    }
}
