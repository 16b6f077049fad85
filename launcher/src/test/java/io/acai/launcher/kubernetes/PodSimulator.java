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

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Plays the Deployment controller and the kubelet for the mock server, which does neither: it watches
 * a namespace's Deployments and for every one that appears creates one pod from the template, named
 * as the controller names them, with the status the test chooses. It also gives every Service that is
 * not headless a cluster IP ({@code 10.96.0.x}), as the API server does when it creates one.
 * {@link #expectKubelet} answers what the pods' containers would (the start gate's exec, the shaper's log), and
 * {@link #injectingChaos()} plays Chaos Mesh's controller (every NetworkChaos gets {@code AllInjected}).
 */
final class PodSimulator implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final Function<Deployment, PodStatus> status;
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Watch watch;
    private final Watch serviceWatch;
    private Watch chaosWatch;
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

    /**
     * Answers, for the pod of each machine, what its containers would: {@code touch /acai/gate/open} exits 0 and the
     * shaper's log says it applied its script. Call it before deploying: the mock's expectations are not thread-safe.
     */
    static void expectKubelet(KubernetesMockServer server, String namespace, Collection<String> machines) {
        for (String machine : machines) {
            String pod = "/api/v1/namespaces/" + namespace + "/pods/" + podName(machine);
            server.expect().get().withPath(pod + "/exec" + query(StartGate.openCommand()) + "container="
                    + MachineManifests.APP_CONTAINER + "&stdout=true&stderr=true")
                    .andUpgradeToWebSocket().open().waitFor(10).andEmit(new StatusStreamMessage(0)).done().always();
            server.expect().get().withPath(pod + "/log?pretty=false&container=" + TcShaping.CONTAINER)
                    .andReturn(200, ShapingInPlace.APPLIED + " /acai/shaping/" + machine + ".sh\n").always();
        }
    }

    /** The exec request's query of a command: {@code ?command=a&command=b&}. */
    static String query(List<String> command) {
        StringBuilder query = new StringBuilder("?");
        for (String part : command) {
            query.append("command=").append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append('&');
        }
        return query.toString();
    }

    /** Marks every NetworkChaos created in the namespace from now on as injected, as Chaos Mesh's controller does. */
    PodSimulator injectingChaos() {
        chaosWatch = client.genericKubernetesResources(ChaosMeshShaping.CONTEXT).inNamespace(namespace)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource chaos) {
                        if (action == Action.ADDED) {
                            inject(chaos);
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        failure = cause;
                    }
                });
        return this;
    }

    private void inject(GenericKubernetesResource chaos) {
        try {
            client.genericKubernetesResources(ChaosMeshShaping.CONTEXT).inNamespace(namespace)
                    .withName(chaos.getMetadata().getName()).edit(c -> {
                        c.getAdditionalProperties().put("status", Map.of(
                                "experiment", Map.of("desiredPhase", "Run"),
                                "conditions", List.of(Map.of("type", "AllInjected", "status", "True"))));
                        return c;
                    });
        } catch (RuntimeException e) {
            failure = e;
        }
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

    /**
     * Deploys {@code plan} while simulated pods become ready, each with its own 10.244.0.x address, their start gates
     * and shapers answered ({@link #expectKubelet}) and, with Chaos Mesh, every NetworkChaos injected.
     */
    static KubernetesDeployment deployReady(KubernetesMockServer server, KubernetesClient client,
            KubernetesOptions options, io.acai.launcher.plan.ExperimentPlan plan, java.nio.file.Path logs)
            throws Exception {
        String namespace = options.namespace() != null ? options.namespace()
                : ExperimentManifests.defaultNamespace(plan.name());
        expectKubelet(server, namespace, plan.machines().stream().map(io.acai.launcher.plan.MachinePlan::name).toList());
        int[] next = {10};
        try (PodSimulator pods = new PodSimulator(client, namespace, d -> ready(d, "10.244.0." + next[0]++))) {
            if (options.shaping() == ShapingMode.CHAOS_MESH) {
                pods.injectingChaos();
            }
            return (KubernetesDeployment) new KubernetesRuntime(client, options)
                    .withPollInterval(java.time.Duration.ofMillis(50)).deploy(plan, logs);
        }
    }

    @Override
    public void close() {
        watch.close();
        serviceWatch.close();
        if (chaosWatch != null) {
            chaosWatch.close();
        }
        if (failure != null) {
            throw new AssertionError("pod simulator failed", failure);
        }
    }
}
