package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.SharedData;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chaos Mesh shapes only packets whose destination is a target pod's IP or an external target: the NetworkChaos
 * objects cover both directions of every configured link, and those towards a machine reached through a ClusterIP
 * Service list that Service's address (the one the cluster assigned; in printed manifests its DNS name).
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = PatientClient.class)
class ChaosMeshTargetsTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path logs;

    private final ExperimentPlan plan = TestPlans.cloudAndEdges("targets", 3);
    private final StrictSchemas schemas = new StrictSchemas();

    @Test
    void deployedObjectsShapeBothDirectionsOfEveryLinkIncludingTheCloudsClusterIp() throws Exception {
        SharedData.root();
        server.expectCustomResource(new CustomResourceDefinitionContext.Builder().withGroup("chaos-mesh.org")
                .withVersion("v1alpha1").withKind("NetworkChaos").withPlural("networkchaos").withScope("Namespaced")
                .build());
        KubernetesOptions options = KubernetesOptions.DEFAULT.withShaping(ShapingMode.CHAOS_MESH)
                .withReadyTimeout(Duration.ofSeconds(20));

        try (KubernetesDeployment deployment = PodSimulator.deployReady(server, client, options, plan, logs)) {
            String cloudIp = client.services().inNamespace("acai-targets").withName("cloud").get().getSpec()
                    .getClusterIP();
            assertThat(cloudIp).startsWith("10.96.0.");
            List<GenericKubernetesResource> chaos = client.genericKubernetesResources(ChaosMeshShaping.CONTEXT)
                    .inNamespace("acai-targets").list().getItems();

            assertCoversEveryDirection(chaos, Map.of("cloud", List.of(cloudIp)));
            for (GenericKubernetesResource object : chaos) {
                assertThat(schemas.violations(object)).isEmpty();
            }
        }
    }

    @Test
    void printedObjectsNameTheServiceForChaosMeshToResolve() throws Exception {
        SharedData.root();
        ExperimentManifests manifests = new ExperimentManifests(plan,
                KubernetesOptions.DEFAULT.withShaping(ShapingMode.CHAOS_MESH), "targets");
        List<GenericKubernetesResource> chaos = manifests.objects().stream()
                .filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast).toList();

        assertCoversEveryDirection(chaos, Map.of("cloud", List.of("cloud.acai-targets.svc")));
        for (HasMetadata object : chaos) {
            assertThat(schemas.violations(object)).isEmpty();
        }
    }

    @Test
    void aDirectionWithoutAServiceAddressHasNoExternalTargets() {
        List<GenericKubernetesResource> chaos = ChaosMeshShaping.resources("ns", "id", plan.links(),
                Map.of("cloud", List.of("10.96.0.7")));

        assertThat(chaos).filteredOn(c -> c.getMetadata().getName().startsWith("cloud-to-"))
                .isNotEmpty().allSatisfy(c -> assertThat(spec(c)).doesNotContainKey("externalTargets"));
    }

    /**
     * For every configured direction, a netem object when it has delay, jitter or loss and a bandwidth object when
     * it limits the rate, each from the sender's pods to the receiver's pods and external targets; nothing else.
     */
    private static void assertCoversEveryDirection(List<GenericKubernetesResource> chaos,
            Map<String, List<String>> external) {
        List<String> expected = new ArrayList<>();
        for (LinkPlan link : TestPlans.cloudAndEdges("targets", 3).links()) {
            List<String> actions = new ArrayList<>();
            if (!link.delay().isZero() || !link.jitter().isZero() || link.lossPercent() > 0) {
                actions.add("netem");
            }
            if (link.limitsRate()) {
                actions.add("bandwidth");
            }
            assertThat(actions).as(link.from() + " -> " + link.to() + " is shaped").isNotEmpty();
            for (String action : actions) {
                String name = link.from() + "-to-" + link.to() + "-" + action;
                expected.add(name);
                GenericKubernetesResource object = chaos.stream().filter(c -> c.getMetadata().getName().equals(name))
                        .findFirst().orElseThrow(() -> new AssertionError("no NetworkChaos " + name));
                Map<String, Object> spec = spec(object);
                assertThat(spec).containsEntry("action", action).containsEntry("direction", "to")
                        .containsEntry("mode", "all");
                assertThat(machineOf(spec.get("selector"))).isEqualTo(link.from());
                assertThat(machineOf(((Map<?, ?>) spec.get("target")).get("selector"))).isEqualTo(link.to());
                if (external.containsKey(link.to())) {
                    assertThat(spec.get("externalTargets")).as(name).isEqualTo(external.get(link.to()));
                } else {
                    assertThat(spec).as(name).doesNotContainKey("externalTargets");
                }
            }
        }
        assertThat(chaos).extracting(c -> c.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource object) {
        return (Map<String, Object>) object.getAdditionalProperties().get("spec");
    }

    private static Object machineOf(Object selector) {
        return ((Map<?, ?>) ((Map<?, ?>) selector).get("labelSelectors")).get(ExperimentLabels.MACHINE);
    }
}
