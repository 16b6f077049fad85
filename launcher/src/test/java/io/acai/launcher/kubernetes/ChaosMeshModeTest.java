package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.plan.ExperimentPlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** With Chaos Mesh shaping, NetworkChaos objects are created with the experiment and removed with it. */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class ChaosMeshModeTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    @Test
    void createsLabelledNetworkChaosAndNoShapingContainerAndRemovesThem() throws Exception {
        server.expectCustomResource(new CustomResourceDefinitionContext.Builder().withGroup("chaos-mesh.org")
                .withVersion("v1alpha1").withKind("NetworkChaos").withPlural("networkchaos").withScope("Namespaced")
                .build());
        ExperimentPlan plan = TestPlans.cloudAndEdges("chaos", 3);
        KubernetesOptions options = KubernetesOptions.DEFAULT.withShaping(ShapingMode.CHAOS_MESH)
                .withReadyTimeout(Duration.ofSeconds(20));

        KubernetesDeployment deployment = PodSimulator.deployReady(server, client, options, plan, logs);
        List<GenericKubernetesResource> chaos = client.genericKubernetesResources(ChaosMeshShaping.CONTEXT)
                .inNamespace("acai-chaos").list().getItems();

        // every edge->cloud direction has delay and a rate, cloud->edge too: 6 netem + 6 bandwidth
        assertThat(chaos).hasSize(12);
        assertThat(chaos).allSatisfy(c -> assertThat(c.getMetadata().getLabels())
                .containsEntry(ExperimentLabels.EXPERIMENT, deployment.experimentId()));
        GenericKubernetesResource edge3 = chaos.stream()
                .filter(c -> c.getMetadata().getName().equals("edge-3-to-cloud-netem")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) edge3.getAdditionalProperties().get("spec");
        assertThat(spec).containsEntry("action", "netem").containsKeys("delay", "loss");
        assertThat(client.configMaps().inNamespace("acai-chaos").list().getItems()).isEmpty();
        assertThat(client.apps().deployments().inNamespace("acai-chaos").withName("cloud").get().getSpec()
                .getTemplate().getSpec().getContainers()).extracting("name").containsExactly("app");

        deployment.close();
        assertThat(client.genericKubernetesResources(ChaosMeshShaping.CONTEXT).inNamespace("acai-chaos").list()
                .getItems()).isEmpty();
        assertThat(client.namespaces().withName("acai-chaos").get()).isNull();
    }
}
