package io.acai.launcher.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.acai.detection.SharedData;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official strict schemas in {@code ../shared/schemas}: Kubernetes 1.29 Namespace, Deployment, Service and
 * ConfigMap, and the Chaos Mesh 2.8 NetworkChaos CRD. The Kubernetes "standalone-strict" schemas declare
 * {@code "$schema": "http://json-schema.org/schema#"} and use draft-04 semantics (array types,
 * {@code additionalProperties: false}); they are loaded as draft 4 with that declaration removed.
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

    /** What the object's kind's schema finds wrong with it, each prefixed by kind and name; empty when valid. */
    List<String> violations(JsonNode object) throws IOException {
        String kind = object.path("kind").asText();
        String name = kind + " " + object.path("metadata").path("name").asText();
        Set<ValidationMessage> messages = schema(kind).validate(object);
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(name + ": " + m.getMessage()));
        return out;
    }

    List<String> violations(HasMetadata object) throws IOException {
        return violations(JSON.readTree(Serialization.asJson(object)));
    }

    /** The YAML documents of {@code launcher manifests}' output, empty ones left out. */
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
