package io.acai.launcher.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs of a campaign: its settings (every combination of the values for {@code grid}, the i-th
 * values together for {@code zip}), each run {@code repeats} times. Repeats are the outer loop (every
 * setting's repeat 1, then every setting's repeat 2, ...), so a campaign stopped half-way has already
 * seen every setting. Repeat {@code r} runs with {@code experiment.seed = seed + r - 1}, where
 * {@code seed} is the campaign's, else the base config's {@code experiment.seed}, else 1: every setting
 * of a repeat sees the same frames, and the repeats see different ones. The campaign's {@code "set"} values
 * are written into every run's config first, then the swept values, then the seed.
 */
public final class SweepExpansion {

    private static final ConfigPath SEED;

    static {
        try {
            SEED = ConfigPath.parse(CampaignSpec.SEED_PATH);
        } catch (ConfigPathException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SweepExpansion() {
    }

    /**
     * The runs of {@code spec} over the config tree {@code base} (left unchanged).
     *
     * @throws CampaignException when {@code zip} gets lists of unequal lengths, or a path leads nowhere
     */
    public static List<CampaignRun> expand(CampaignSpec spec, ObjectNode base) throws CampaignException {
        List<SweepParameter> parameters = spec.parameters();
        List<List<JsonNode>> settings = settings(spec);
        long firstSeed = spec.seed() != null ? spec.seed()
                : base.path("experiment").path("seed").isIntegralNumber() ? base.path("experiment").path("seed").asLong() : 1;
        List<String> labels = RunId.names(parameters);
        Map<String, String> ownLabels = new LinkedHashMap<>();
        parameters.stream().filter(p -> p.label() != null).forEach(p -> ownLabels.put(p.path().toString(), p.label()));
        Set<String> problems = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        List<ObjectNode> configs = new ArrayList<>();
        List<Map<String, JsonNode>> values = new ArrayList<>();
        List<int[]> repeatsAndSettings = new ArrayList<>();
        for (int repeat = 1; repeat <= spec.repeats(); repeat++) {
            for (int s = 0; s < settings.size(); s++) {
                List<JsonNode> setting = settings.get(s);
                ObjectNode config = base.deepCopy();
                for (FixedValue fixed : spec.fixed()) {
                    try {
                        fixed.path().apply(config, fixed.value());
                    } catch (ConfigPathException e) {
                        problems.add("set." + fixed.path() + ": " + e.getMessage());
                    }
                }
                Map<String, JsonNode> named = new LinkedHashMap<>();
                for (int p = 0; p < parameters.size(); p++) {
                    named.put(parameters.get(p).path().toString(), setting.get(p));
                    try {
                        parameters.get(p).path().apply(config, setting.get(p));
                    } catch (ConfigPathException e) {
                        problems.add("parameters[" + p + "].path: " + e.getMessage());
                    }
                }
                try {
                    SEED.apply(config, LongNode.valueOf(firstSeed + repeat - 1));
                } catch (ConfigPathException e) {
                    problems.add(e.getMessage());
                }
                ids.add(RunId.of(labels, setting, repeat));
                configs.add(config);
                values.add(named);
                repeatsAndSettings.add(new int[] {repeat, s});
            }
        }
        if (!problems.isEmpty()) {
            throw new CampaignException(spec.file() + ": a path of the campaign leads nowhere in " + spec.base(),
                    List.copyOf(problems));
        }
        List<String> unique = RunId.unique(ids);
        List<CampaignRun> runs = new ArrayList<>();
        for (int i = 0; i < unique.size(); i++) {
            int repeat = repeatsAndSettings.get(i)[0];
            runs.add(new CampaignRun(i + 1, unique.get(i), values.get(i), ownLabels, repeat, firstSeed + repeat - 1,
                    configs.get(i)));
        }
        return runs;
    }

    /** Where zipped parameters that share a label (one axis) hold different values: one problem per pair and position. */
    private static List<String> unequalAxisValues(CampaignSpec spec) {
        List<SweepParameter> parameters = spec.parameters();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int p = 0; p < parameters.size(); p++) {
            SweepParameter parameter = parameters.get(p);
            if (parameter.label() == null) {
                continue;
            }
            Integer q = first.putIfAbsent(parameter.label(), p);
            if (q == null) {
                continue;
            }
            SweepParameter earlier = parameters.get(q);
            for (int i = 0; i < parameter.values().size(); i++) {
                if (!parameter.values().get(i).equals(earlier.values().get(i))) {
                    problems.add(spec.file() + ": parameters[" + p + "].values[" + i + "]: " + parameter.path() + " is "
                            + parameter.values().get(i) + " at position " + (i + 1) + " but " + earlier.path()
                            + " (parameters[" + q + "]), which shares its label \"" + parameter.label() + "\", is "
                            + earlier.values().get(i) + " (expected: equal values at every position in zipped "
                            + "parameters of one label)");
                }
            }
        }
        return problems;
    }

    /** Each setting as one value per parameter, in the parameters' order. */
    static List<List<JsonNode>> settings(CampaignSpec spec) throws CampaignException {
        List<SweepParameter> parameters = spec.parameters();
        List<List<JsonNode>> settings = new ArrayList<>();
        settings.add(List.of());
        if (spec.combine() == Combine.ZIP) {
            if (parameters.isEmpty()) {
                return settings;
            }
            int size = parameters.get(0).values().size();
            List<String> problems = new ArrayList<>();
            for (int p = 1; p < parameters.size(); p++) {
                if (parameters.get(p).values().size() != size) {
                    problems.add(spec.file() + ": parameters[" + p + "].values: " + parameters.get(p).values().size()
                            + " values but parameters[0] has " + size + " (expected: the same number of values in every "
                            + "parameter for \"combine\": \"zip\")");
                }
            }
            if (problems.isEmpty()) {
                problems.addAll(unequalAxisValues(spec));
            }
            if (!problems.isEmpty()) {
                throw new CampaignException(spec.file() + ": not a campaign", problems);
            }
            settings.clear();
            for (int i = 0; i < size; i++) {
                List<JsonNode> setting = new ArrayList<>();
                for (SweepParameter parameter : parameters) {
                    setting.add(parameter.values().get(i));
                }
                settings.add(setting);
            }
            return settings;
        }
        for (SweepParameter parameter : parameters) {
            List<List<JsonNode>> next = new ArrayList<>();
            for (List<JsonNode> setting : settings) {
                for (JsonNode value : parameter.values()) {
                    List<JsonNode> longer = new ArrayList<>(setting);
                    longer.add(value);
                    next.add(longer);
                }
            }
            settings = next;
        }
        return settings;
    }
}
