package io.acai.launcher.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.acai.detection.SharedData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The strict Kubernetes 1.29 and Chaos Mesh NetworkChaos schemas of {@code ../shared/schemas}, loaded as
 * {@link ManifestSchemaTest} loads them (draft 4, their {@code $schema} removed), and the YAML documents of
 * {@code launcher manifests}.
 */
final class StrictSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    private JsonSchema schema(String kind) throws IOException {
        if (!schemas.containsKey(kind)) {
            String file = switch (kind) {
                case "Namespace" -> "schemas/kubernetes/v1.29.14-standalone-strict/namespace-v1.json";
                case "Deployment" -> "schemas/kubernetes/v1.29.14-standalone-strict/deployment-apps-v1.json";
                case "Service" -> "schemas/kubernetes/v1.29.14-standalone-strict/service-v1.json";
                case "ConfigMap" -> "schemas/kubernetes/v1.29.14-standalone-strict/configmap-v1.json";
                case "NetworkChaos" -> "schemas/chaos-mesh/networkchaos-v1alpha1.openAPIV3Schema.json";
                default -> throw new AssertionError("no schema for kind " + kind);
            };
            ObjectNode node = (ObjectNode) JSON.readTree(SharedData.resolve(file).toFile());
            node.remove("$schema");
            schemas.put(kind, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(node));
        }
        return schemas.get(kind);
    }

    /** What the schema of its kind says is wrong with {@code object}, each message naming the object. */
    List<String> violations(JsonNode object) throws IOException {
        String name = object.path("kind").asText() + " " + object.path("metadata").path("name").asText();
        List<String> out = new ArrayList<>();
        schema(object.path("kind").asText()).validate(object).forEach(m -> out.add(name + ": " + m.getMessage()));
        return out;
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode doc = values.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }
}
