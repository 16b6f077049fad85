package io.acai.launcher.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.acai.launcher.metrics.Metric;
import io.acai.records.run.SummaryRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The runs of a comparison grouped into settings, with what the charts and tables need: the parameters that vary,
 * the metrics found, the notes on what was skipped.
 *
 * @param folders  the folders given
 * @param settings the settings, in the order their first run was found
 * @param notes    runs skipped, files computed or not read
 */
public record Comparison(List<Path> folders, List<Setting> settings, List<String> notes) {

    /** The metrics drawn against each swept parameter and shown in the table of settings, in this order. */
    public static final List<Metric> HEADLINE = List.of(Metric.ACCURACY_LAST_30S, Metric.GAIN_LAST_30S,
            Metric.ACCURACY_LAST_2MIN, Metric.GAIN_LAST_2MIN, Metric.TIME_TO_RECOVER, Metric.ACCURACY_DIP,
            Metric.FORGETTING, Metric.UPDATE_LATENCY_MEDIAN);

    public Comparison {
        folders = List.copyOf(folders);
        settings = List.copyOf(settings);
        notes = List.copyOf(notes);
    }

    /**
     * Finds, reads and groups the runs of {@code folders}.
     *
     * @throws CompareException when a folder is neither a run nor a campaign, or holds no runs
     */
    public static Comparison of(List<Path> folders) throws CompareException {
        RunDiscovery.Found found = RunDiscovery.find(folders);
        List<String> notes = new ArrayList<>(found.notes());
        List<Setting> settings = SettingGrouping.group(found.runs(), run -> RunLoader.load(run, notes));
        return new Comparison(folders, settings, notes);
    }

    public List<ComparedRun> runs() {
        return settings.stream().flatMap(s -> s.runs().stream()).toList();
    }

    /**
     * The parameter paths with two or more values among the settings, in the order they were found; of parameters
     * that go together (zipped: each value of one always with the same value of the other), the first only.
     */
    public List<String> sweptParameters() {
        Set<String> paths = new LinkedHashSet<>();
        settings.forEach(s -> paths.addAll(s.parameters().keySet()));
        List<String> swept = new ArrayList<>();
        for (String path : paths) {
            if (values(path).size() >= 2 && swept.stream().noneMatch(kept -> together(kept, path))) {
                swept.add(path);
            }
        }
        return swept;
    }

    /** The other parameters that go together with {@code path} (zipped with it), in the order found. */
    public List<String> zippedWith(String path) {
        Set<String> paths = new LinkedHashSet<>();
        settings.forEach(s -> paths.addAll(s.parameters().keySet()));
        return paths.stream().filter(p -> !p.equals(path) && values(p).size() >= 2 && together(path, p)).toList();
    }

    /** Whether every setting with a value of {@code a} has one of {@code b} and the two determine each other. */
    private boolean together(String a, String b) {
        Set<List<JsonNode>> pairs = new LinkedHashSet<>();
        for (Setting setting : settings) {
            JsonNode first = setting.parameters().get(a);
            JsonNode second = setting.parameters().get(b);
            if ((first == null) != (second == null)) {
                return false;
            }
            if (first != null) {
                pairs.add(List.of(first, second));
            }
        }
        return pairs.size() == values(a).size() && pairs.size() == values(b).size();
    }

    /** The distinct values of {@code path} among the settings: numbers ascending, else in the order found. */
    public List<JsonNode> values(String path) {
        List<JsonNode> values = new ArrayList<>();
        for (Setting setting : settings) {
            JsonNode value = setting.parameters().get(path);
            if (value != null && !values.contains(value)) {
                values.add(value);
            }
        }
        if (values.stream().allMatch(JsonNode::isNumber)) {
            values.sort(Comparator.comparingDouble(JsonNode::asDouble));
        }
        return values;
    }

    /** Whether every value of {@code path} is a number, so that it is drawn on a numeric axis. */
    public boolean numeric(String path) {
        return values(path).stream().allMatch(JsonNode::isNumber);
    }

    /** Every metric name found in the runs: those of {@link Metric} in its order, then others by name. */
    public List<String> metrics() {
        Set<String> found = new LinkedHashSet<>();
        runs().forEach(r -> r.summary().stream().map(SummaryRow::metric).forEach(found::add));
        List<String> ordered = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (found.remove(metric.key())) {
                ordered.add(metric.key());
            }
        }
        found.stream().sorted().forEach(ordered::add);
        return ordered;
    }

    /** The unit of {@code metric} as the runs give it. */
    public String unit(String metric) {
        return runs().stream().flatMap(r -> r.summary().stream()).filter(r -> r.metric().equals(metric))
                .map(SummaryRow::unit).filter(u -> !u.isEmpty()).findFirst().orElse("");
    }

    /** Whether any setting has a mean of {@code metric}. */
    public boolean measured(String metric) {
        return settings.stream().anyMatch(s -> s.interval(metric).n() > 0);
    }

    /**
     * The metric the table of settings is sorted by (best first): of the gain over the control over the last 2 min,
     * over the last 30 s, the accuracy over the last 2 min and over the last 30 s, the one the most settings have, the
     * first of these when several tie (summaries written before the 2-min figures existed have only the 30-s ones);
     * empty when none was measured.
     */
    public Optional<Metric> rankedBy() {
        Metric best = null;
        long most = 0;
        for (Metric metric : List.of(Metric.GAIN_LAST_2MIN, Metric.GAIN_LAST_30S, Metric.ACCURACY_LAST_2MIN,
                Metric.ACCURACY_LAST_30S)) {
            long count = settings.stream().filter(s -> s.interval(metric.key()).n() > 0).count();
            if (count > most) {
                best = metric;
                most = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The settings sorted by {@link #rankedBy()}'s mean, highest first; those without it last, in their order. */
    public List<Setting> ranked() {
        Optional<Metric> by = rankedBy();
        if (by.isEmpty()) {
            return settings;
        }
        String key = by.get().key();
        return settings.stream().sorted(Comparator.comparingDouble((Setting s) -> {
            double mean = s.interval(key).mean();
            return Double.isNaN(mean) ? Double.POSITIVE_INFINITY : -mean;
        })).toList();
    }
}
