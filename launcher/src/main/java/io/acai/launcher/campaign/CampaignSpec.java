package io.acai.launcher.campaign;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A campaign file: a base config run over a sweep.
 *
 * <pre>{@code
 * {"name": "uplink",                      (default: the file's name without .json)
 *  "base": "../user_config.json",         (relative to the campaign file)
 *  "parameters": [{"path": "connections[cloud~edge-far].bandwidthFrom", "values": ["1mbps", "2mbps", "8mbps"],
 *                  "label": "uplink"}],  (optional: its name in run ids and comparisons; zipped parameters
 *                                         with the same label and equal values are one axis)
 *  "set": {"experiment.duration": "3m30s"}, (optional: fixed values for every run, not in run ids)
 *  "combine": "grid",                     (grid or zip; default grid)
 *  "repeats": 3,                          (default 1)
 *  "seed": 1}                             (seed of repeat 1; default: the base's experiment.seed, else 1)
 * }</pre>
 *
 * @param file the campaign file
 * @param base the base config, resolved against the campaign file's folder
 * @param fixed the values of {@code "set"}, written into every run's config before the swept ones
 * @param seed seed of repeat 1, null to take the base config's
 */
public record CampaignSpec(Path file, String name, Path base, List<SweepParameter> parameters, List<FixedValue> fixed,
        Combine combine, int repeats, Long seed) {

    static final List<String> FIELDS = List.of("name", "base", "parameters", "set", "combine", "repeats", "seed");
    static final List<String> PARAMETER_FIELDS = List.of("path", "values", "label");
    /** A parameter's label: a letter, then letters, digits, {@code _} or {@code -} (it goes into folder names). */
    static final Pattern LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");
    /** Set by {@code repeats}, one seed per repeat; sweeping it would give two runs the same seed. */
    static final String SEED_PATH = "experiment.seed";

    /** JSON as the config reader reads it: numbers like 0.0005 stay as written. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public CampaignSpec {
        parameters = List.copyOf(parameters);
        fixed = List.copyOf(fixed);
    }

    /**
     * Reads a campaign file.
     *
     * @throws CampaignException listing every problem, each as {@code file: field: problem}
     */
    public static CampaignSpec read(Path file) throws CampaignException {
        String heading = file + ": not a campaign";
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? file.toString()
                    : file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new CampaignException(heading, List.of(where + ": malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CampaignException(heading, List.of(file + ": cannot be read: " + e));
        }
        if (root == null || !root.isObject()) {
            throw new CampaignException(heading, List.of(file + ": " + root + " is not an object (expected: {\"base\": ..., "
                    + "\"parameters\": [...]})"));
        }
        List<String> problems = new ArrayList<>();
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                problems.add(field + ": unknown field (expected one of: " + String.join(", ", FIELDS) + ")");
            }
        }
        String name = defaultName(file);
        if (root.has("name")) {
            if (!root.get("name").isTextual() || root.get("name").asText().isBlank()) {
                problems.add("name: " + root.get("name") + " is not a name (expected: a non-blank string)");
            } else {
                name = root.get("name").asText();
            }
        }
        Path base = null;
        if (!root.has("base")) {
            problems.add("base: is missing (expected: the path of the base config, relative to the campaign file)");
        } else if (!root.get("base").isTextual() || root.get("base").asText().isBlank()) {
            problems.add("base: " + root.get("base") + " is not a path (expected: a string like \"../user_config.json\")");
        } else {
            Path folder = file.toAbsolutePath().getParent();
            base = folder.resolve(root.get("base").asText()).normalize();
            if (!Files.isRegularFile(base)) {
                problems.add("base: \"" + root.get("base").asText() + "\" is not a file (looked for " + base + ")");
            }
        }
        Combine combine = Combine.GRID;
        if (root.has("combine")) {
            String value = root.get("combine").asText("");
            if (!root.get("combine").isTextual() || !(value.equals("grid") || value.equals("zip"))) {
                problems.add("combine: " + root.get("combine") + " is not allowed (expected: grid or zip)");
            } else {
                combine = value.equals("zip") ? Combine.ZIP : Combine.GRID;
            }
        }
        List<SweepParameter> parameters = parameters(root.get("parameters"), problems);
        labels(root.get("parameters"), parameters, combine, problems);
        List<FixedValue> fixed = fixed(root.get("set"), root.get("parameters"), problems);
        int repeats = 1;
        if (root.has("repeats")) {
            JsonNode value = root.get("repeats");
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1 || value.asInt() > 1000) {
                problems.add("repeats: " + value + " is not allowed (expected: a whole number from 1 to 1000)");
            } else {
                repeats = value.asInt();
            }
        }
        Long seed = null;
        if (root.has("seed")) {
            JsonNode value = root.get("seed");
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                problems.add("seed: " + value + " is not allowed (expected: a whole number)");
            } else {
                seed = value.asLong();
            }
        }
        if (!problems.isEmpty()) {
            throw new CampaignException(heading, problems.stream().map(p -> file + ": " + p).toList());
        }
        return new CampaignSpec(file, name, base, parameters, fixed, combine, repeats, seed);
    }

    private static List<SweepParameter> parameters(JsonNode node, List<String> problems) {
        List<SweepParameter> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            problems.add("parameters: " + node + " is not an array (expected: [{\"path\": ..., \"values\": [...]}, ...])");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String where = "parameters[" + i + "]";
            JsonNode parameter = node.get(i);
            if (!parameter.isObject()) {
                problems.add(where + ": " + parameter + " is not an object (expected: {\"path\": ..., \"values\": [...]})");
                continue;
            }
            parameter.fieldNames().forEachRemaining(field -> {
                if (!PARAMETER_FIELDS.contains(field)) {
                    problems.add(where + "." + field + ": unknown field (expected one of: "
                            + String.join(", ", PARAMETER_FIELDS) + ")");
                }
            });
            ConfigPath path = null;
            JsonNode text = parameter.get("path");
            if (text == null || !text.isTextual()) {
                problems.add(where + ".path: " + (text == null ? "is missing" : text + " is not a string")
                        + " (expected: a path like machines[cloud].app.minRetrainImages)");
            } else if (text.asText().equals(SEED_PATH)) {
                problems.add(where + ".path: \"" + SEED_PATH + "\" is set by the campaign, one seed per repeat "
                        + "(expected: \"seed\" and \"repeats\" in the campaign instead)");
            } else if (!seen.add(text.asText())) {
                problems.add(where + ".path: \"" + text.asText() + "\" is swept twice (expected: each path once)");
            } else {
                try {
                    path = ConfigPath.parse(text.asText());
                } catch (ConfigPathException e) {
                    problems.add(where + ".path: " + e.getMessage());
                }
            }
            JsonNode values = parameter.get("values");
            if (values == null || !values.isArray() || values.isEmpty()) {
                problems.add(where + ".values: " + (values == null ? "is missing" : values + " is not allowed")
                        + " (expected: a non-empty array of values)");
                continue;
            }
            String label = null;
            JsonNode labelNode = parameter.get("label");
            if (labelNode != null) {
                if (!labelNode.isTextual() || !LABEL.matcher(labelNode.asText()).matches()) {
                    problems.add(where + ".label: " + labelNode + " is not a label (expected: a letter, then up to 39 "
                            + "letters, digits, _ or -, like \"uplink\")");
                } else {
                    label = labelNode.asText();
                }
            }
            List<JsonNode> list = new ArrayList<>();
            values.forEach(list::add);
            if (path != null) {
                out.add(new SweepParameter(path, list, label));
            }
        }
        return out;
    }

    /**
     * Checks the labels across parameters: only zipped parameters share one (they are one axis), and no label is
     * the name another, unlabelled, parameter gets in run ids.
     */
    private static void labels(JsonNode node, List<SweepParameter> parameters, Combine combine, List<String> problems) {
        if (node == null || !node.isArray() || parameters.size() != node.size()) {
            return; // a parameter is already reported
        }
        Map<String, Integer> first = new LinkedHashMap<>();
        List<ConfigPath> unlabelled = parameters.stream().filter(p -> p.label() == null).map(SweepParameter::path).toList();
        List<String> derived = RunId.labels(unlabelled);
        for (int i = 0; i < parameters.size(); i++) {
            String label = parameters.get(i).label();
            if (label == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(label, i);
            if (earlier != null && combine != Combine.ZIP) {
                problems.add("parameters[" + i + "].label: \"" + label + "\" is also the label of parameters[" + earlier
                        + "] (expected: labels unique; only parameters zipped together, \"combine\": \"zip\", share a "
                        + "label, as one axis)");
            }
            int clash = derived.indexOf(label);
            if (clash >= 0) {
                problems.add("parameters[" + i + "].label: \"" + label + "\" is the name " + unlabelled.get(clash)
                        + " goes by in run ids (expected: a label no other parameter is named by)");
            }
        }
    }

    /** The values of {@code "set"}: each path once, not swept, not the seed. */
    private static List<FixedValue> fixed(JsonNode node, JsonNode swept, List<String> problems) {
        List<FixedValue> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            problems.add("set: " + node + " is not an object (expected: {\"path\": value, ...}, like "
                    + "{\"experiment.duration\": \"3m30s\"})");
            return out;
        }
        Set<String> sweptPaths = new HashSet<>();
        if (swept != null && swept.isArray()) {
            swept.forEach(p -> sweptPaths.add(p.path("path").asText("")));
        }
        node.properties().forEach(entry -> {
            String where = "set." + entry.getKey();
            if (entry.getKey().equals(SEED_PATH)) {
                problems.add(where + ": \"" + SEED_PATH + "\" is set by the campaign, one seed per repeat "
                        + "(expected: \"seed\" in the campaign instead)");
            } else if (sweptPaths.contains(entry.getKey())) {
                problems.add(where + ": \"" + entry.getKey() + "\" is also a swept parameter (expected: each path "
                        + "either set or swept)");
            } else {
                try {
                    out.add(new FixedValue(ConfigPath.parse(entry.getKey()), entry.getValue()));
                } catch (ConfigPathException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
        });
        return out;
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }
}
