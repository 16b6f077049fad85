package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachineState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Deploy, wait, state and teardown against the mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class KubernetesRuntimeTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    private static final String NAMESPACE = "acai-demo";
    private final ExperimentPlan plan = TestPlans.cloudAndEdges("demo", 3);

    private KubernetesRuntime runtime(KubernetesOptions options) {
        return new KubernetesRuntime(client, options).withPollInterval(Duration.ofMillis(50));
    }

    private static KubernetesOptions options() {
        return KubernetesOptions.DEFAULT.withReadyTimeout(Duration.ofSeconds(20));
    }

    private void expectKubelet(String namespace) {
        PodSimulator.expectKubelet(server, namespace, plan.machines().stream().map(m -> m.name()).toList());
    }

    private static Function<Deployment, PodStatus> readyPods() {
        int[] next = {10};
        return d -> PodSimulator.ready(d, "10.244.0." + next[0]++);
    }

    @Test
    void deploysLabelledObjectsWaitsForReadinessAndRemovesEverything() throws Exception {
        KubernetesDeployment deployment;
        expectKubelet(NAMESPACE);
        try (PodSimulator pods = new PodSimulator(client, NAMESPACE, readyPods())) {
            deployment = (KubernetesDeployment) runtime(options()).deploy(plan, logs);
        }
        String id = deployment.experimentId();
        assertThat(deployment.namespace()).isEqualTo(NAMESPACE);

        var namespace = client.namespaces().withName(NAMESPACE).get();
        assertThat(namespace.getMetadata().getLabels()).containsEntry(ExperimentLabels.MANAGED_BY, "acai-launcher")
                .containsEntry(ExperimentLabels.EXPERIMENT, id)
                .containsEntry(ExperimentManifests.POD_SECURITY, "privileged");
        List<HasMetadata> created = List.<HasMetadata>of().stream().toList();
        created = new java.util.ArrayList<>(created);
        created.addAll(client.apps().deployments().inNamespace(NAMESPACE).list().getItems());
        created.addAll(client.services().inNamespace(NAMESPACE).list().getItems());
        created.addAll(client.configMaps().inNamespace(NAMESPACE).list().getItems());
        assertThat(created).hasSize(4 + 4 + 1);
        assertThat(created).allSatisfy(o -> assertThat(o.getMetadata().getLabels())
                .containsEntry(ExperimentLabels.MANAGED_BY, "acai-launcher").containsEntry(ExperimentLabels.EXPERIMENT, id));
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems())
                .extracting("metadata.name").containsExactlyInAnyOrder("cloud", "edge-1", "edge-2", "edge-3");

        ConfigMap shaping = client.configMaps().inNamespace(NAMESPACE).withName(TcShaping.CONFIG_MAP).get();
        assertThat(shaping.getData()).containsOnlyKeys("cloud.sh", "edge-1.sh", "edge-2.sh", "edge-3.sh");
        String cloudIp = client.pods().inNamespace(NAMESPACE).withLabel(ExperimentLabels.MACHINE, "cloud").list()
                .getItems().get(0).getStatus().getPodIP();
        assertThat(shaping.getData().get("edge-2.sh"))
                .contains("htb rate 20000kbit", "netem delay 40ms 5ms", "match ip dst " + cloudIp + "/32");

        assertThat(deployment.states()).containsOnlyKeys("cloud", "edge-1", "edge-2", "edge-3")
                .containsValues(MachineState.RUNNING).doesNotContainValue(MachineState.STARTING);

        deployment.close();
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.pods().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNull();
        assertThat(deployment.states()).containsValues(MachineState.STOPPED).hasSize(4);
        deployment.close();
    }

    @Test
    void tokensGoInASecretTheAppsReadAndTeardownRemoves() throws Exception {
        String token = "s3cret-k8s-41";
        KubernetesDeployment deployment;
        expectKubelet(NAMESPACE);
        try (PodSimulator pods = new PodSimulator(client, NAMESPACE, readyPods())) {
            deployment = (KubernetesDeployment) runtime(options()).deploy(TestPlans.cloudAndEdges("demo", 3, token), logs);
        }
        io.fabric8.kubernetes.api.model.Secret secret = client.secrets().inNamespace(NAMESPACE)
                .withName(TokenSecret.NAME).get();
        assertThat(secret.getMetadata().getLabels()).containsEntry(ExperimentLabels.EXPERIMENT, deployment.experimentId());
        String encoded = java.util.Base64.getEncoder().encodeToString(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // edge-1 runs a command of its own: no token of the project's app
        assertThat(secret.getData()).containsOnlyKeys("cloud", "edge-2", "edge-3").containsValue(encoded);
        for (Deployment d : client.apps().deployments().inNamespace(NAMESPACE).list().getItems()) {
            String name = d.getMetadata().getName();
            var app = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(io.fabric8.kubernetes.client.utils.Serialization.asJson(d)).as(name).doesNotContain(token)
                    .doesNotContain(encoded);
            var variable = app.getEnv().stream().filter(e -> e.getName().equals("ACAI_TOKEN")).findFirst();
            if (name.equals("edge-1")) {
                assertThat(variable).isEmpty();
            } else {
                assertThat(variable).get().satisfies(e -> {
                    assertThat(e.getValue()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(TokenSecret.NAME);
                    assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(name);
                });
            }
        }

        deployment.close();
        assertThat(client.secrets().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void refusesANamespaceItDidNotCreateAndCreatesNothing() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .addToLabels("team", "vision").endMetadata().build()).create();

        assertThatThrownBy(() -> runtime(options()).deploy(plan, logs))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("namespace \"acai-demo\" already exists and was not created by the launcher")
                .hasMessageContaining("--reuse-namespace");

        assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.namespaces().withName(NAMESPACE).get().getMetadata().getLabels())
                .containsExactlyEntriesOf(Map.of("team", "vision"));
    }

    @Test
    void reusesAForeignNamespaceWhenToldAndKeepsItAndItsObjects() throws Exception {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shared-lab").endMetadata()
                .build()).create();
        client.configMaps().inNamespace("shared-lab").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("someone-elses").endMetadata().addToData("k", "v").build()).create();
        client.configMaps().inNamespace("shared-lab").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("another-experiments").withLabels(ExperimentLabels.experiment("other-run-1a2b3c"))
                .endMetadata().build()).create();
        KubernetesOptions options = options().withNamespace("shared-lab").withReuseNamespace(true);

        KubernetesDeployment deployment;
        expectKubelet("shared-lab");
        try (PodSimulator pods = new PodSimulator(client, "shared-lab", readyPods())) {
            deployment = (KubernetesDeployment) runtime(options).deploy(plan, logs);
        }
        assertThat(client.apps().deployments().inNamespace("shared-lab").list().getItems()).hasSize(4);
        deployment.close();

        assertThat(client.namespaces().withName("shared-lab").get()).isNotNull();
        assertThat(client.configMaps().inNamespace("shared-lab").list().getItems())
                .extracting("metadata.name").containsExactlyInAnyOrder("someone-elses", "another-experiments");
        assertThat(client.apps().deployments().inNamespace("shared-lab").list().getItems()).isEmpty();
    }

    @Test
    void reportsAnImageThatCannotBePulledAndLeavesNothingBehind() throws Exception {
        Function<Deployment, PodStatus> status = d -> {
            if (!d.getMetadata().getName().equals("edge-1")) {
                return PodSimulator.ready(d, "10.244.1.1");
            }
            return new PodStatusBuilder().withPhase("Pending")
                    .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                    .addNewContainerStatus().withName("app").withImage("registry.example/acai-edge:custom")
                        .withReady(false).withRestartCount(0)
                        .withNewState().withNewWaiting().withReason("ImagePullBackOff")
                            .withMessage("Back-off pulling image \"registry.example/acai-edge:custom\"")
                        .endWaiting().endState()
                    .endContainerStatus()
                    .build();
        };
        try (PodSimulator pods = new PodSimulator(client, NAMESPACE, status)) {
            client.v1().events().inNamespace(NAMESPACE).resource(new EventBuilder().withNewMetadata()
                    .withName("edge-1.pull").withNamespace(NAMESPACE).endMetadata()
                    .withType("Warning").withReason("Failed")
                    .withMessage("Failed to pull image \"registry.example/acai-edge:custom\": not found")
                    .withNewInvolvedObject().withKind("Pod").withName(PodSimulator.podName("edge-1")).endInvolvedObject()
                    .withLastTimestamp("2026-01-01T00:00:05Z").build()).create();
            assertThatThrownBy(() -> runtime(options()).deploy(plan, logs))
                    .isInstanceOf(DeployException.class)
                    .hasMessageContaining("edge-1: pod edge-1-")
                    .hasMessageContaining("image registry.example/acai-edge:custom cannot be pulled (ImagePullBackOff")
                    .hasMessageContaining("events: Failed: Failed to pull image")
                    .message().doesNotContain("cloud: ");
        }
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNull();
    }

    @Test
    void reportsAnUnschedulablePodAtTheTimeout() throws Exception {
        Function<Deployment, PodStatus> status = d -> d.getMetadata().getName().equals("cloud")
                ? new PodStatusBuilder().withPhase("Pending")
                        .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                        .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.").endCondition()
                        .build()
                : PodSimulator.ready(d, "10.244.2.2");
        try (PodSimulator pods = new PodSimulator(client, NAMESPACE, status)) {
            assertThatThrownBy(() -> runtime(options().withReadyTimeout(Duration.ofSeconds(5))).deploy(plan, logs))
                    .isInstanceOf(DeployException.class)
                    .hasMessageContaining("did not start within 5s")
                    .hasMessageContaining("cloud: pod cloud-")
                    .hasMessageContaining("cannot be scheduled (Unschedulable: 0/3 nodes are available: 3 Insufficient"
                            + " nvidia.com/gpu.)");
        }
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNull();
    }

    @Test
    void anInterruptedWaitRemovesWhatWasCreated() throws Exception {
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread deploying = new Thread(() -> {
            try {
                runtime(options().withReadyTimeout(Duration.ofMinutes(5))).deploy(plan, logs);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        deploying.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.apps().deployments().inNamespace(NAMESPACE).list().getItems().size() >= 4);
        deploying.interrupt();
        deploying.join(60_000);

        assertThat(failure.get()).isInstanceOf(DeployException.class)
                .hasMessageStartingWith("interrupted while").hasMessageNotContaining("Could not remove");
        assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNull();
    }
}
