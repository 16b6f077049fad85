package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acai.detection.SharedData;
import io.acai.launcher.plan.ExperimentPlan;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every object the launcher can produce, validated against the official strict schemas in
 * {@code ../shared/schemas} ({@link StrictSchemas}).
 */
class ManifestSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A GPU cloud with NFS and node placement, 3 edges, every direction shaped. */
    private final ExperimentPlan plan = TestPlans.cloudAndEdges("schema-check", 3);

    private final StrictSchemas schemas = new StrictSchemas();

    private List<String> violations(JsonNode object) throws IOException {
        return schemas.violations(object);
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        return StrictSchemas.documents(yaml);
    }

    @ParameterizedTest
    @EnumSource(ShapingMode.class)
    void everyPrintedManifestIsValidAgainstTheStrictSchemas(ShapingMode shaping) throws IOException {
        SharedData.root();
        String yaml = ManifestsWriter.yaml(plan, KubernetesOptions.DEFAULT.withShaping(shaping));
        List<JsonNode> docs = documents(yaml);

        int chaos = shaping == ShapingMode.CHAOS_MESH ? 6 + 6 : 0;
        int configMaps = shaping == ShapingMode.TC ? 1 : 0;
        assertThat(docs).hasSize(1 + configMaps + 2 * 4 + chaos);
        assertThat(docs.get(0).path("kind").asText()).isEqualTo("Namespace");
        List<String> violations = new ArrayList<>();
        for (JsonNode doc : docs) {
            violations.addAll(violations(doc));
        }
        assertThat(violations).isEmpty();
        assertThat(docs).allSatisfy(doc -> assertThat(doc.path("metadata").path("labels")
                .path(ExperimentLabels.MANAGED_BY).asText()).isEqualTo("acai-launcher"));
    }

    @Test
    void withLinkMeasurementTheGatedAppsAndTheProbesServicesAreValidToo() throws IOException {
        SharedData.root();
        String yaml = ManifestsWriter.yaml(plan, KubernetesOptions.DEFAULT.withMeasureLinks(true));
        assertThat(yaml).contains("# The apps of cloud, edge-1, edge-2, edge-3 wait for /acai/gate/open")
                .contains("exec deploy/<machine> -c app -- touch /acai/gate/open");
        List<JsonNode> docs = documents(yaml);
        List<String> violations = new ArrayList<>();
        for (JsonNode doc : docs) {
            violations.addAll(violations(doc));
        }
        assertThat(violations).isEmpty();
        JsonNode cloudService = docs.stream().filter(d -> d.path("kind").asText().equals("Service")
                && d.path("metadata").path("name").asText().equals("cloud")).findFirst().orElseThrow();
        assertThat(cloudService.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
        JsonNode cloud = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")
                && d.path("metadata").path("name").asText().equals("cloud")).findFirst().orElseThrow();
        assertThat(cloud.at("/spec/template/spec/containers/0/command/2").asText()).isEqualTo(StartGate.SCRIPT);
    }

    @Test
    void tokensComeFromASecretAndTheDeploymentsStayValid() throws IOException {
        SharedData.root();
        String token = "s3cret-schema-17";
        String yaml = ManifestsWriter.yaml(TestPlans.cloudAndEdges("schema-check", 3, token), KubernetesOptions.DEFAULT);
        String encoded = java.util.Base64.getEncoder().encodeToString(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(yaml).doesNotContain(token).doesNotContain(encoded)
                .contains("# Secret acai-tokens: the tokens of cloud, edge-2, edge-3, not printed")
                .contains("create secret generic acai-tokens --from-file=cloud=<file>");
        List<JsonNode> docs = documents(yaml);
        List<String> violations = new ArrayList<>();
        List<JsonNode> secrets = new ArrayList<>();
        for (JsonNode doc : docs) {
            if (doc.path("kind").asText().equals("Secret")) {
                secrets.add(doc);
            } else {
                violations.addAll(violations(doc));
            }
        }
        assertThat(violations).isEmpty();
        // ../shared holds no Secret schema: its fields are checked against the v1 Secret's own
        assertThat(secrets).singleElement().satisfies(secret -> {
            assertThat(secret.fieldNames()).toIterable()
                    .isSubsetOf("apiVersion", "kind", "metadata", "type", "data", "stringData", "immutable");
            assertThat(secret.path("apiVersion").asText()).isEqualTo("v1");
            assertThat(secret.path("type").asText()).isEqualTo("Opaque");
            assertThat(secret.path("data").fieldNames()).toIterable().containsExactly("cloud", "edge-2", "edge-3");
            assertThat(secret.path("data").elements()).toIterable().allSatisfy(v -> assertThat(v.asText()).isEmpty());
        });
        JsonNode cloud = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")
                && d.path("metadata").path("name").asText().equals("cloud")).findFirst().orElseThrow();
        JsonNode env = cloud.at("/spec/template/spec/containers/0/env");
        assertThat(env.findParents("secretKeyRef")).singleElement().satisfies(e -> assertThat(e.path("secretKeyRef")
                .path("name").asText()).isEqualTo("acai-tokens"));
        assertThat(env.toString()).contains("\"name\":\"ACAI_TOKEN\"").contains("\"key\":\"cloud\"");
    }

    @Test
    void theFilledShapingConfigMapIsValidToo() throws IOException {
        SharedData.root();
        ExperimentManifests manifests = new ExperimentManifests(plan, KubernetesOptions.DEFAULT, "schema-check-1");
        Map<String, String> scripts = manifests.shapingScripts(Map.of("cloud", List.of("10.244.0.10", "10.96.0.20"),
                "edge-1", List.of("10.244.0.11"), "edge-2", List.of("10.244.0.12"), "edge-3", List.of("10.244.0.13")));
        HasMetadata filled = TcShaping.configMap(manifests.namespace(), manifests.experimentId(), scripts);

        assertThat(violations(JSON.readTree(Serialization.asJson(filled)))).isEmpty();
    }

    @Test
    void theSchemasAreStrictEnoughToCatchAMistake() throws IOException {
        SharedData.root();
        ExperimentManifests manifests = new ExperimentManifests(plan, KubernetesOptions.DEFAULT, "schema-check-1");
        HasMetadata deployment = manifests.objects().stream().filter(o -> o.getKind().equals("Deployment"))
                .findFirst().orElseThrow();
        ObjectNode node = (ObjectNode) JSON.readTree(Serialization.asJson(deployment));
        ((ObjectNode) node.path("spec")).put("replica", 1);
        ((ObjectNode) node.path("spec").path("template").path("spec").path("containers").get(0).path("ports").get(0))
                .put("containerPort", "nine thousand");

        assertThat(violations(node)).hasSize(2).anySatisfy(v -> assertThat(v).contains("replica"))
                .anySatisfy(v -> assertThat(v).contains("containerPort"));

        HasMetadata chaos = ChaosMeshShaping.resources("ns", "id", plan.links()).get(0);
        ObjectNode chaosNode = (ObjectNode) JSON.readTree(Serialization.asJson(chaos));
        ((ObjectNode) chaosNode.path("spec")).put("mode", "most");
        assertThat(violations(chaosNode)).singleElement().asString().contains("mode");
    }

    @Test
    void printedYamlNamesTheScriptsToComeAndNeedsNoCluster() {
        String yaml = ManifestsWriter.yaml(plan, KubernetesOptions.DEFAULT);
        assertThat(yaml).startsWith("# acai experiment \"schema-check\": 4 machines, 6 shaped directions, shaping tc")
                .contains("kind: \"Namespace\"", "name: \"acai-schema-check\"", "acai.io/experiment: \"schema-check\"")
                .contains("#   edge-1.sh:", "match ip dst <cloud-pod-ip>/32")
                .contains("nvidia.com/gpu: \"1\"", "server: \"10.0.0.5\"", "kubernetes.io/hostname");
        assertThat(ManifestsWriter.yaml(plan, KubernetesOptions.DEFAULT)).isEqualTo(yaml);
    }

}
