package io.acai.launcher.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the cloud's held-out scoring judges its frames: as the edges do. The cloud gets {@code --holdout-judge},
 * {@code --holdout-conf} and {@code --holdout-nms} with the values of the {@code --judge}, {@code --conf} and
 * {@code --nms} on the command line of the first edge that runs the project's app and is not a control; an option
 * that edge leaves out is left out for the cloud too, whose defaults are the edge app's. When the learning edges
 * (not the static controls) judge differently, {@link #warning()} names them.
 *
 * @param cloudOptions the options to add to the cloud's command line
 * @param warning      what differs between the edges, when something does
 */
record HoldoutJudging(List<String> cloudOptions, Optional<String> warning) {

    /** The edge option and the cloud option it becomes. */
    static final Map<String, String> OPTIONS = Map.of("--judge", "--holdout-judge", "--conf", "--holdout-conf",
            "--nms", "--holdout-nms");
    private static final List<String> ORDER = List.of("--judge", "--conf", "--nms");

    /**
     * An edge as its plan runs it.
     *
     * @param control whether it is a static control of another edge ({@code app.controlOf})
     * @param args    its command line
     */
    record Edge(String name, boolean control, List<String> args) {

        /** The judging options the edge's command line sets, in {@link #ORDER}. */
        Map<String, String> judging() {
            Map<String, String> set = new LinkedHashMap<>();
            for (String option : ORDER) {
                int at = args.lastIndexOf(option);
                if (at >= 0 && at + 1 < args.size()) {
                    set.put(option, args.get(at + 1));
                }
            }
            return set;
        }

        String describe() {
            Map<String, String> set = judging();
            List<String> parts = new ArrayList<>();
            for (String option : ORDER) {
                parts.add(option + " " + set.getOrDefault(option, "(default)"));
            }
            return name + " " + String.join(" ", parts);
        }
    }

    /** The judging of {@code edges}, in config order. */
    static HoldoutJudging of(List<Edge> edges) {
        Optional<Edge> first = edges.stream().filter(e -> !e.control()).findFirst().or(() -> edges.stream().findFirst());
        if (first.isEmpty()) {
            return new HoldoutJudging(List.of(), Optional.empty());
        }
        Map<String, String> judging = first.get().judging();
        List<String> options = new ArrayList<>();
        judging.forEach((option, value) -> {
            options.add(OPTIONS.get(option));
            options.add(value);
        });
        // a static control judges as its edge unless it says otherwise, and nothing it sees is retrained: only
        // the learning edges are compared
        List<Edge> differing = edges.stream().filter(e -> !e.control() && !e.judging().equals(judging)).toList();
        Optional<String> warning = Optional.empty();
        if (!differing.isEmpty()) {
            List<String> described = new ArrayList<>();
            described.add(first.get().describe());
            differing.forEach(e -> described.add(e.describe()));
            warning = Optional.of("the edges judge their frames differently (" + String.join("; ", described)
                    + "): the cloud scores its held-out frames as " + first.get().name()
                    + " judges, the first edge that is not a control");
        }
        return new HoldoutJudging(List.copyOf(options), warning);
    }
}
