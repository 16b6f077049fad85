package io.acai.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.acai.options.TimeSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keeps {@code docs/user_config.schema.json} and {@link UserConfigReader} in agreement: every valid
 * example passes both; every invalid example fails the parser, and fails the schema too unless its
 * {@code .expected} file says the problem is one the schema cannot express ({@code schema: valid}).
 */
class SchemaAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schemaJson;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaJson = JSON.readTree(ConfigFiles.projectRoot().resolve("docs/user_config.schema.json").toFile());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson);
    }

    private static Set<ValidationMessage> validate(Path config) throws IOException {
        return schema.validate(JSON.readTree(config.toFile()));
    }

    @TestFactory
    Stream<DynamicTest> validExamplesPassBoth() {
        List<Path> configs = new ArrayList<>(ConfigFiles.jsonFiles("valid"));
        configs.add(ConfigFiles.projectRoot().resolve("user_config.json"));
        configs.add(ConfigFiles.projectRoot().resolve("experiments/scale-20.json"));
        return configs.stream().map(config -> DynamicTest.dynamicTest(config.getFileName().toString(), () -> {
            assertThat(validate(config)).as("schema errors of %s", config).isEmpty();
            assertThatCode(() -> UserConfigReader.read(config, null)).doesNotThrowAnyException();
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesFailBothUnlessTheSchemaCannotSayIt() {
        return ConfigFiles.jsonFiles("invalid").stream().map(config -> DynamicTest.dynamicTest(
                config.getFileName().toString(), () -> {
                    assertThatThrownBy(() -> UserConfigReader.read(config, null)).isInstanceOf(ConfigException.class);
                    String verdict = schemaVerdict(config);
                    switch (verdict) {
                        case "invalid" -> assertThat(validate(config)).as("schema errors of %s", config).isNotEmpty();
                        case "valid" -> assertThat(validate(config)).as("schema errors of %s", config).isEmpty();
                        case "malformed" -> assertThatThrownBy(() -> JSON.readTree(config.toFile()))
                                .isInstanceOf(IOException.class);
                        default -> throw new AssertionError(config + ": unknown schema verdict " + verdict);
                    }
                }));
    }

    private static String schemaVerdict(Path config) throws IOException {
        String name = config.getFileName().toString();
        Path expected = config.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected");
        String first = Files.readAllLines(expected).get(0);
        assertThat(first).startsWith("schema: ");
        return first.substring("schema: ".length()).trim();
    }

    /** Each invalid example breaks one rule at a time: the schema flags it where the parser does. */
    @TestFactory
    Stream<DynamicTest> singleMistakesAgree() {
        String base = """
                {"experiment": {"duration": "1m"},
                 "machines": [{"name": "cloud", "category": "server", %s},
                              {"name": "edge", "category": "client", %s}],
                 "connections": [{"node1": "cloud", "node2": "edge", %s}]}
                """;
        List<String[]> cases = List.of(
                new String[] {"\"port\": 5000", "\"gpu\": 0", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 0", "\"gpu\": 0", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 65536", "\"gpu\": 0", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": \"9876\"", "\"gpu\": \"0\"", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": \"98x6\"", "\"gpu\": 0", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 1", "\"count\": \"3\"", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 1", "\"count\": 1001", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 1", "\"count\": 2.5", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"count\": 2", "\"gpu\": 0", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 1", "\"logs\": \"/app/logs\"", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 1", "\"logs\": \"a b\"", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 1", "\"app\": {\"rate\": \"2.5\", \"threads\": \"2\"}", "\"loss\": 1"},
                new String[] {"\"port\": 1", "\"app\": {\"rate\": \"fast\"}", "\"loss\": 1"},
                new String[] {"\"port\": 1", "\"gpu\": 17", "\"bandwidth\": \"1mbps\""},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"bandwidth\": \"1 MBps\""},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"bandwidth\": \"1Mbps \""},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"bandwidth\": \"1.5Gbit\", \"latency\": \"1m\""},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"latency\": \"1.5\""},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"latency\": \"10ms\", \"jitter\": \"250us\""},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"loss\": 100"},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"loss\": 100.5"},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"loss\": \"100.0%\""},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"loss\": \"-1%\""},
                new String[] {"\"port\": 1", "\"gpu\": 0", "\"direction\": \"up\""},
                new String[] {"\"resources\": {\"limits\": {\"cpu\": 0.25}}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"resources\": {\"limits\": {\"cpu\": \"0.25m\"}}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"resources\": {\"limits\": {\"memory\": \"1.5Gi\"}}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"resources\": {\"limits\": {\"memory\": \"1Gb\"}}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"resources\": {\"limits\": {\"memory\": 1e9}}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"resources\": {\"limits\": {\"nvidia.com/gpu\": 2}}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"app\": {\"lr\": 0}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"app\": {\"push\": \"some\"}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"app\": {\"holdoutFrames\": 1001}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"app\": {\"holdoutFrames\": 0}", "\"app\": {\"conf\": 0.4}", "\"loss\": 1"},
                new String[] {"\"app\": {\"replay\": 10}", "\"app\": {\"rate\": 0.5, \"nms\": 0}", "\"loss\": 1"},
                new String[] {"\"app\": {\"replay\": 10}", "\"app\": {\"uploadThreshold\": 0}", "\"loss\": 1"},
                new String[] {"\"app\": {\"replay\": 10}", "\"app\": {\"data\": \"/x\", \"driftAfter\": \"5s\"}", "\"loss\": 1"},
                new String[] {"\"app\": {\"replay\": 10}", "\"app\": {\"scenario\": \"night\"}", "\"loss\": 1"},
                new String[] {"\"app\": {\"freezeBackbone\": \"yes\"}", "\"app\": {\"driftAfter\": \"30s\"}", "\"loss\": 1"},
                new String[] {"\"app\": {\"freezeBackbone\": false}", "\"app\": {\"driftAfter\": 30}", "\"loss\": 1"},
                new String[] {"\"app\": {\"freezeBackbone\": false}", "\"app\": {\"threads\": 0}", "\"loss\": 1"},
                new String[] {"\"app\": {\"controlOf\": \"edge\"}", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"port\": 1", "\"app\": {\"controlOf\": 7}", "\"loss\": 1"},
                new String[] {"\"command\": \"run.sh\"", "\"args\": [\"{}\", 5000]", "\"loss\": 1"},
                new String[] {"\"command\": [\"run.sh\"]", "\"args\": [true]", "\"loss\": 1"},
                new String[] {"\"volumeMounts\": [{\"name\": \"v\", \"mountPath\": \"data\"}]", "\"gpu\": 0", "\"loss\": 1"},
                new String[] {"\"volumeMounts\": [{\"name\": \"v\", \"mountPath\": \"/d\", \"nfs\": {\"server\": \"s\"}}]",
                        "\"gpu\": 0", "\"loss\": 1"});
        return cases.stream().map(c -> DynamicTest.dynamicTest(String.join(" | ", c), () -> {
            String text = base.formatted((Object[]) c);
            boolean schemaValid = schema.validate(JSON.readTree(text)).isEmpty();
            boolean parserValid;
            try {
                UserConfigReader.parse(text, Path.of("case.json"), Path.of("."), io.acai.launcher.plan.RuntimeKind.KUBERNETES);
                parserValid = true;
            } catch (ConfigException e) {
                parserValid = false;
            }
            assertThat(schemaValid).as("schema valid vs parser valid for %s", text).isEqualTo(parserValid);
        }));
    }

    @Test
    void theSchemaIsADraft202012Schema() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(schemaJson)).isEmpty();
        assertThat(schemaJson.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void schemaPatternsAreTheParsersPatterns() {
        JsonNode defs = schemaJson.get("$defs");
        assertThat(defs.at("/cpu/oneOf/0/pattern").asText()).isEqualTo(CpuQuantity.PATTERN);
        assertThat(defs.at("/memory/oneOf/0/pattern").asText()).isEqualTo(MemoryQuantity.PATTERN);
        assertThat(defs.at("/rate/pattern").asText()).isEqualTo(BitRate.PATTERN);
        assertThat(defs.at("/duration/pattern").asText()).isEqualTo(TimeSpan.PATTERN);
        assertThat(defs.at("/positiveDuration/pattern").asText()).isEqualTo(TimeSpan.POSITIVE_PATTERN);
        assertThat(defs.at("/connection/properties/loss/oneOf/1/pattern").asText()).isEqualTo(LossPercent.PATTERN);
        assertThat(defs.at("/machine/properties/name/pattern").asText()).isEqualTo(MachineSection.NAME_PATTERN);
        assertThat(defs.at("/machine/properties/logs/pattern").asText()).isEqualTo(MachineSection.LOGS_PATTERN);
        assertThat(defs.at("/wholeNumberString/pattern").asText()).isEqualTo("^" + ConfigNode.WHOLE_STRING.pattern() + "$");
        assertThat(defs.at("/numberString/pattern").asText()).isEqualTo("^" + ConfigNode.NUMBER_STRING.pattern() + "$");
    }

    @Test
    void schemaListsTheParsersFields() {
        JsonNode defs = schemaJson.get("$defs");
        assertThat(names(schemaJson.get("properties"))).containsExactlyInAnyOrderElementsOf(UserConfigReader.FIELDS);
        assertThat(names(defs.at("/experiment/properties"))).containsExactlyInAnyOrderElementsOf(ExperimentSettings.FIELDS);
        assertThat(names(defs.at("/machine/properties"))).containsExactlyInAnyOrderElementsOf(MachineSection.FIELDS);
        assertThat(names(defs.at("/connection/properties"))).containsExactlyInAnyOrderElementsOf(ConnectionSection.FIELDS);
        assertThat(names(defs.at("/cloudApp/properties"))).containsExactlyInAnyOrderElementsOf(CloudAppArgs.FIELDS);
        assertThat(names(defs.at("/edgeApp/properties"))).containsExactlyInAnyOrderElementsOf(EdgeAppArgs.FIELDS);
        assertThat(names(defs.at("/volumeMount/properties"))).containsExactlyInAnyOrderElementsOf(MachineSection.VOLUME_FIELDS);
        assertThat(names(defs.at("/amounts/properties"))).containsExactlyInAnyOrderElementsOf(ResourcesSection.AMOUNTS);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
