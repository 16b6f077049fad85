package io.acai.launcher.config;

import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the cloud can ever retrain: an edge uploads a batch when it holds {@code --upload-threshold} mispredicted
 * frames and sends no other until the model that batch started comes back, so before the first retrain the cloud
 * receives at most the sum of the learning edges' thresholds. Below the cloud's {@code --min-retrain-images} it waits
 * for images no edge will send, and the edges for a model the cloud will never train: the run would end without a
 * single retrain. That is an error, not a warning, since such a run measures nothing the config was written for.
 *
 * <p>The check reads the command lines the plan runs ({@code app} options or {@code args}, with the apps' defaults for
 * options left out); it is skipped when the cloud or a learning edge runs a {@code command} of its own, whose
 * behaviour the launcher cannot know.
 */
final class RetrainReach {

    /** {@code --upload-threshold} of the edge app when its command line has none ({@code EdgeConfig}). */
    static final long EDGE_DEFAULT_UPLOAD_THRESHOLD = 50;
    /** {@code --min-retrain-images} of the cloud app when its command line has none ({@code CloudConfig}). */
    static final long CLOUD_DEFAULT_MIN_RETRAIN_IMAGES = 0;

    private RetrainReach() {
    }

    /**
     * Records an error on the cloud's {@code minRetrainImages} (or its {@code args}) when the learning edges' thresholds
     * add up to less.
     *
     * @param plans    every machine's plan
     * @param sections every machine's section by name, for the paths in the message
     */
    static void check(List<MachinePlan> plans, Map<String, MachineSection> sections, ConfigErrors errors) {
        Optional<MachinePlan> cloud = plans.stream().filter(p -> p.role() == Role.CLOUD).findFirst();
        List<MachinePlan> edges = plans.stream().filter(p -> p.role() == Role.EDGE && !p.isControl()).toList();
        if (cloud.isEmpty() || edges.isEmpty() || !cloud.get().command().isEmpty()
                || edges.stream().anyMatch(e -> !e.command().isEmpty())) {
            return;
        }
        OptionalLong minImages = option(cloud.get().args(), "--min-retrain-images", CLOUD_DEFAULT_MIN_RETRAIN_IMAGES);
        long sum = 0;
        List<String> thresholds = new ArrayList<>();
        for (MachinePlan edge : edges) {
            OptionalLong threshold = option(edge.args(), "--upload-threshold", EDGE_DEFAULT_UPLOAD_THRESHOLD);
            if (threshold.isEmpty()) {
                return;
            }
            sum = Math.addExact(sum, threshold.getAsLong());
            thresholds.add(field(sections, edge.name(), "uploadThreshold", "--upload-threshold") + " = "
                    + threshold.getAsLong());
        }
        if (minImages.isEmpty() || sum >= minImages.getAsLong()) {
            return;
        }
        errors.add(field(sections, cloud.get().name(), "minRetrainImages", "--min-retrain-images"), minImages.getAsLong()
                + " is more than the learning edges' upload thresholds add up to, " + sum + " ("
                + String.join(", ", thresholds) + "): each edge uploads one batch of its threshold and waits for the model"
                + " it starts, so the cloud would never retrain (expected: minRetrainImages at most " + sum
                + ", or larger uploadThreshold values)");
    }

    /** The value of {@code option} on a command line, {@code fallback} when it is not there, empty when it is no number. */
    private static OptionalLong option(List<String> args, String option, long fallback) {
        int at = args.lastIndexOf(option);
        if (at < 0) {
            return OptionalLong.of(fallback);
        }
        if (at + 1 >= args.size() || !args.get(at + 1).matches("[0-9]{1,9}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(args.get(at + 1)));
    }

    /** The path of a machine's app field, or of its {@code args} when it gives them. */
    private static String field(Map<String, MachineSection> sections, String machine, String appField, String option) {
        MachineSection section = sections.get(machine);
        String path = section == null ? machine : section.path();
        return section != null && section.hasArgs() ? path + ".args " + option : path + ".app." + appField;
    }
}
