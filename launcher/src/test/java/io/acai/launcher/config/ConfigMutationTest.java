package io.acai.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Mutates valid configs (the project's {@code user_config.json} and the valid examples), seeded: numbers to
 * extremes, strings to garbage and to quantities out of bounds, types swapped, fields removed, duplicated or
 * added. Every mutant must either be read into a plan whose quantities lie within the documented bounds, or be
 * refused with errors that each name a field (a JSON path, or {@code file:line:column} for a duplicated field);
 * any other exception fails the test.
 */
class ConfigMutationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MUTANTS_PER_CONFIG = 1000;
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "0.0000001", "1e12", "1e400", "-1e400", "1e-400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999",
            "1e999999999", "2147483648", "0.5", "1000000", "1.7976931348623157e308");
    private static final List<String> STRINGS = List.of("", " ", "\n", "\u0000", "é", "∞", "NaN", "-0", "1e12mbps",
            "1000000000000mbps", "9223372036854775808kbit", "99999999999999999999999999gbit", "0.0001bps", "999bps",
            "0", "0m", "1", "99999999999999999999", "99999999999999999999m", "1e999999999", "1e999999999Mi", "1e30",
            "100Ei", "16Ti", "1Mi", "9999999999999999999999h", "99999999999h1ms", "106751d", "292y", "2562047h",
            "0s", "0.0000000001us", "61s", "1m0s1us", "100.00000001%", "-5%", "{}", "[]", "server", "client",
            "edge-near", "cloud", "default", "/nonexistent", "a".repeat(5000), "${HOME}", "../../etc/passwd");

    @Test
    void everyMutantIsReadOrRefusedNamingAField() throws IOException {
        List<Path> configs = new ArrayList<>(ConfigFiles.jsonFiles("valid"));
        configs.add(ConfigFiles.projectRoot().resolve("user_config.json"));
        Random random = new Random(20261207);
        int refused = 0;
        int read = 0;
        for (Path config : configs) {
            JsonNode original = JSON.readTree(Files.readString(config));
            for (int i = 0; i < MUTANTS_PER_CONFIG; i++) {
                JsonNode mutant = original.deepCopy();
                int mutations = 1 + random.nextInt(3);
                boolean duplicate = false;
                for (int m = 0; m < mutations; m++) {
                    duplicate |= mutate(mutant, random);
                }
                String text = duplicate ? duplicateAField(mutant.toString(), random) : mutant.toString();
                try {
                    ExperimentPlan plan = UserConfigReader.parse(text, config.getFileName(), config.getParent(), null);
                    assertWithinBounds(plan, text);
                    read++;
                } catch (ConfigException e) {
                    assertThat(e.errors()).as("errors of %s", text).isNotEmpty();
                    for (ConfigError error : e.errors()) {
                        assertThat(error.path()).as("path of \"%s\" for %s", error.message(), text).isNotBlank();
                        assertThat(error.message()).as("message for %s", text).doesNotContain("Exception")
                                .doesNotContain("\tat ");
                    }
                    refused++;
                } catch (RuntimeException | StackOverflowError e) {
                    fail("mutant of " + config.getFileName() + " threw " + e + " instead of a field-naming error:\n" + text, e);
                }
            }
        }
        System.out.printf("config mutants: %d read, %d refused naming their fields, none thrown%n", read, refused);
        assertThat(read + refused).isEqualTo(configs.size() * MUTANTS_PER_CONFIG);
        assertThat(refused).as("mutants refused").isGreaterThan(MUTANTS_PER_CONFIG);
        assertThat(read).as("mutants read (mutations that keep a config valid)").isPositive();
    }

    private static void assertWithinBounds(ExperimentPlan plan, String text) {
        for (MachinePlan machine : plan.machines()) {
            var r = machine.resources();
            for (long cpu : new long[] {r.cpuRequestMillis(), r.cpuLimitMillis()}) {
                assertThat(cpu == 0 || cpu >= CpuQuantity.MIN_MILLIS && cpu <= CpuQuantity.MAX_MILLIS)
                        .as("cpu %d of %s", cpu, text).isTrue();
            }
            for (long memory : new long[] {r.memoryRequestBytes(), r.memoryLimitBytes()}) {
                assertThat(memory == 0 || memory >= MemoryQuantity.MIN_BYTES && memory <= MemoryQuantity.MAX_BYTES)
                        .as("memory %d of %s", memory, text).isTrue();
            }
        }
        for (LinkPlan link : plan.links()) {
            long rate = link.rateBitsPerSecond();
            assertThat(rate == 0 || rate >= BitRate.MIN_BITS_PER_SECOND && rate <= BitRate.MAX_BITS_PER_SECOND)
                    .as("rate %d of %s", rate, text).isTrue();
            assertThat(link.delay()).as("latency of %s", text).isLessThanOrEqualTo(ConnectionSection.MAX_DELAY);
            assertThat(link.jitter()).as("jitter of %s", text).isLessThanOrEqualTo(ConnectionSection.MAX_DELAY);
        }
        assertThat(plan.duration()).isPositive().isLessThanOrEqualTo(ExperimentSettings.MAX_DURATION);
        assertThat(plan.samplePeriod()).isGreaterThanOrEqualTo(ExperimentSettings.MIN_SAMPLE_PERIOD)
                .isLessThanOrEqualTo(Duration.ofHours(1));
    }

    /** One mutation somewhere in {@code root}; true when a field is to be duplicated in the text. */
    private static boolean mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode container = containers.get(random.nextInt(containers.size()));
        int kind = random.nextInt(10);
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || kind == 9) {
                object.set(names.isEmpty() || random.nextBoolean() ? "unknownField" : names.get(0) + "X", value(random));
                return false;
            }
            String name = names.get(random.nextInt(names.size()));
            switch (kind) {
                case 0 -> object.remove(name);
                case 1 -> {
                    return true;
                }
                default -> object.set(name, replacement(object.get(name), random));
            }
        } else if (container instanceof ArrayNode array) {
            if (array.isEmpty() || kind == 9) {
                array.add(value(random));
                return false;
            }
            int at = random.nextInt(array.size());
            switch (kind) {
                case 0 -> array.remove(at);
                case 1 -> array.add(array.get(at).deepCopy());
                default -> array.set(at, replacement(array.get(at), random));
            }
        }
        return false;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), into);
            }
        }
    }

    /** A value in place of {@code old}: mostly an extreme of its own kind, else anything. */
    private static JsonNode replacement(JsonNode old, Random random) {
        if (random.nextInt(3) == 0) {
            return value(random);
        }
        if (old.isNumber()) {
            return number(random);
        }
        if (old.isTextual()) {
            String text = old.asText();
            // the same unit with an extreme number: "100mbps" -> "99999999999999999999999mbps"
            String unit = text.replaceFirst("^[0-9.]+", "");
            if (!unit.equals(text) && random.nextBoolean()) {
                return NODES.textNode(NUMBERS.get(random.nextInt(NUMBERS.size())).replace("-", "") + unit);
            }
            return NODES.textNode(STRINGS.get(random.nextInt(STRINGS.size())));
        }
        return value(random);
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> number(random);
            case 2, 3 -> NODES.textNode(STRINGS.get(random.nextInt(STRINGS.size())));
            case 4 -> NODES.nullNode();
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.objectNode().put("x", 1);
            default -> NODES.arrayNode().add(1).add("x");
        };
    }

    private static JsonNode number(Random random) {
        String text = NUMBERS.get(random.nextInt(NUMBERS.size()));
        if (text.contains(".") || text.contains("e")) {
            return NODES.numberNode(new BigDecimal(text));
        }
        return NODES.numberNode(new BigInteger(text));
    }

    /** {@code text} with one of its fields written twice (the JSON reader refuses the second). */
    private static String duplicateAField(String text, Random random) {
        List<Integer> keys = new ArrayList<>();
        for (int at = text.indexOf("{\""); at >= 0; at = text.indexOf("{\"", at + 1)) {
            keys.add(at + 1);
        }
        if (keys.isEmpty()) {
            return text;
        }
        int at = keys.get(random.nextInt(keys.size()));
        int colon = text.indexOf("\":", at);
        String name = text.substring(at, colon + 2);
        return text.substring(0, at) + name + "1," + text.substring(at);
    }
}
