package io.acai.launcher.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Plays the Deployment controller and the kubelet for the mock server, which does neither: it watches
 * a namespace's Deployments and for every one that appears creates one pod from the template, named
 * as the controller names them, with the status the test chooses. It also gives every Service that is
 * not headless a cluster IP ({@code 10.96.0.x}), as the API server does when it creates one.
 */
final class PodSimulator implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final Function<Deployment, PodStatus> status;
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Watch watch;
    private final Watch serviceWatch;
    private final java.util.concurrent.atomic.AtomicInteger nextServiceIp = new java.util.concurrent.atomic.AtomicInteger(10);
    private volatile Throwable failure;

    PodSimulator(KubernetesClient client, String namespace, Function<Deployment, PodStatus> status) {
        this.client = client;
        this.namespace = namespace;
        this.status = status;
        this.watch = client.apps().deployments().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Deployment deployment) {
                if (action == Action.ADDED) {
                    podFor(deployment);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                failure = cause;
            }
        });
        this.serviceWatch = client.services().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, io.fabric8.kubernetes.api.model.Service service) {
                if (action == Action.ADDED) {
                    assignClusterIp(service);
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                failure = cause;
            }
        });
        // any Deployment or Service made before the watches opened
        client.apps().deployments().inNamespace(namespace).list().getItems().forEach(this::podFor);
        client.services().inNamespace(namespace).list().getItems().forEach(this::assignClusterIp);
    }

    /** The cluster IP the simulated API server gives the {@code n}th Service (from 10). */
    static String serviceIp(int n) {
        return "10.96.0." + n;
    }

    private void assignClusterIp(io.fabric8.kubernetes.api.model.Service service) {
        try {
            String ip = service.getSpec().getClusterIP();
            if (ip == null || ip.isBlank()) {
                String assigned = serviceIp(nextServiceIp.getAndIncrement());
                client.services().inNamespace(namespace).withName(service.getMetadata().getName())
                        .edit(s -> new io.fabric8.kubernetes.api.model.ServiceBuilder(s).editSpec()
                                .withClusterIP(assigned).withClusterIPs(assigned).endSpec().build());
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void podFor(Deployment deployment) {
        try {
            if (done.add(deployment.getMetadata().getName())) {
                client.pods().inNamespace(namespace).resource(pod(deployment)).create();
            }
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
    public void close() {
        watch.close();
        serviceWatch.close();
        if (failure != null) {
            throw new AssertionError("pod simulator failed", failure);
        }
    }
}
