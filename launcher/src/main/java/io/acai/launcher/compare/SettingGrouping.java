package io.acai.launcher.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.acai.launcher.run.RunDescription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Groups the runs into settings. A campaign's runs with the same parameter values are one setting, labelled by the
 * values ({@code bandwidthFrom=2mbps, minRetrainImages=20}; the campaign's name when nothing is swept; prefixed with
 * the campaign's name when runs of several campaigns are compared). A parameter the campaign gave a label to
 * ({@code run.json}'s {@code labels}) goes by that label, and parameters sharing one are one parameter
 * ({@code uplink=0.25mbps}). A run folder given on its own is a setting by
 * itself, labelled by the first line of its {@code comment.txt}, else its {@code run.json}'s
 * {@code config.experiment.name}, else its folder's name (as the original's {@code plotmulti.py} labelled its runs);
 * two settings that would share a label get their folder's name added.
 */
final class SettingGrouping {

    /** The file whose first line labels a run folder compared on its own. */
    static final String COMMENT = "comment.txt";

    private record Group(String label, Map<String, JsonNode> parameters, List<FoundRun> runs, Path firstDir) {
    }

    private SettingGrouping() {
    }

    /** The settings of {@code found}, in the order their first run was found; each run loaded through {@code loader}. */
    static List<Setting> group(List<FoundRun> found, java.util.function.Function<FoundRun, ComparedRun> loader) {
        Set<String> campaigns = new LinkedHashSet<>();
        List<String> paths = new ArrayList<>();
        for (FoundRun run : found) {
            if (run.inCampaign()) {
                campaigns.add(run.campaign().orElse(""));
                axes(run).keySet().stream().filter(p -> !paths.contains(p)).forEach(paths::add);
            }
        }
        Map<String, String> labels = ParameterValues.labels(paths);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (FoundRun run : found) {
            if (run.inCampaign()) {
                Map<String, JsonNode> values = axes(run);
                String campaign = run.campaign().orElse("");
                String key = "campaign " + campaign + " " + values;
                String label = campaignLabel(values, labels, campaign, campaigns.size() > 1);
                groups.computeIfAbsent(key, k -> new Group(label, values, new ArrayList<>(), run.dir())).runs().add(run);
            } else {
                groups.put("folder " + run.dir().toAbsolutePath(), new Group(plainLabel(run), Map.of(),
                        new ArrayList<>(List.of(run)), run.dir()));
            }
        }
        Map<String, Integer> uses = new HashMap<>();
        groups.values().forEach(g -> uses.merge(g.label(), 1, Integer::sum));
        List<Setting> settings = new ArrayList<>();
        for (Group group : groups.values()) {
            String label = uses.get(group.label()) > 1
                    ? group.label() + " (" + group.firstDir().getFileName() + ")" : group.label();
            settings.add(new Setting(label, group.parameters(), group.runs().stream().map(loader).toList()));
        }
        return settings;
    }

    /**
     * The run's parameters as the comparison names them: each swept path to its value, under its label when
     * {@code run.json} gives one (paths sharing a label, which hold equal values, once).
     */
    static Map<String, JsonNode> axes(FoundRun run) {
        Map<String, JsonNode> axes = new LinkedHashMap<>();
        run.description().ifPresent(d -> d.parameters().forEach((path, value) ->
                axes.putIfAbsent(d.labels().getOrDefault(path, path), value)));
        return axes;
    }

    private static String campaignLabel(Map<String, JsonNode> values, Map<String, String> labels, String campaign,
                                        boolean severalCampaigns) {
        String label = values.isEmpty() ? (campaign.isEmpty() ? "(base)" : campaign)
                : String.join(", ", values.entrySet().stream()
                        .map(e -> labels.getOrDefault(e.getKey(), e.getKey()) + "=" + ParameterValues.text(e.getValue()))
                        .toList());
        return severalCampaigns && !values.isEmpty() ? campaign + ": " + label : label;
    }

    /** comment.txt's first line, else the experiment's name in run.json, else the folder's name. */
    static String plainLabel(FoundRun run) {
        Path comment = run.dir().resolve(COMMENT);
        if (Files.isRegularFile(comment)) {
            try {
                Optional<String> first = Files.readAllLines(comment, StandardCharsets.UTF_8).stream()
                        .findFirst().map(String::strip).filter(s -> !s.isEmpty());
                if (first.isPresent()) {
                    return first.get();
                }
            } catch (IOException e) {
                // unreadable: labelled as if absent
            }
        }
        return run.description().map(RunDescription::config).map(c -> c.path("experiment").path("name"))
                .filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank())
                .orElse(run.id());
    }
}
