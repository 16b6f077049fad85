package io.acai.launcher.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One setting of the comparison: the runs that share their parameter values (a campaign's repeats), or one run folder
 * given on its own.
 *
 * @param label      how charts and tables name it, for example {@code bandwidthFrom=2mbps, minRetrainImages=20}
 * @param parameters each swept parameter (its label when the campaign gave one, else its path) to its value; empty
 *                   for a plain run
 * @param runs       its runs
 */
public record Setting(String label, Map<String, JsonNode> parameters, List<ComparedRun> runs) {

    public Setting {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        runs = List.copyOf(runs);
    }

    /**
     * The parameter values as text, {@code path=value} (or {@code label=value}) joined by {@code "; "}; empty for a
     * plain run.
     */
    public String parametersText() {
        return String.join("; ", parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + ParameterValues.text(e.getValue())).toList());
    }

    /**
     * A name short enough for a chart's legend: the values that tell this setting from the others in {@code all},
     * each once, as {@code field=value} ({@code bandwidthFrom=0.25mbps} for three zipped uplinks of 0.25 Mbit/s);
     * the whole {@link #label} when no value differs.
     */
    public String shortLabel(List<Setting> all) {
        List<String> parts = new java.util.ArrayList<>();
        parameters.forEach((path, value) -> {
            if (all.stream().allMatch(other -> value.equals(other.parameters().get(path)))) {
                return;
            }
            String part = path.substring(path.lastIndexOf('.') + 1) + "=" + ParameterValues.text(value);
            if (!parts.contains(part)) {
                parts.add(part);
            }
        });
        return parts.isEmpty() ? label : String.join(", ", parts);
    }

    /** The runs' values of {@code metric} with their mean and 95 % confidence interval. */
    public MeanInterval interval(String metric) {
        return MeanInterval.of(runs.stream().mapToDouble(r -> r.value(metric)).toArray());
    }
}
