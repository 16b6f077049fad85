package io.acai.launcher.config;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.launcher.plan.ImageRegistry;
import io.acai.options.TimeSpan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The config's {@code experiment} block, with defaults filled in.
 *
 * @param name experiment name (default: the config file's name without {@code .json})
 * @param duration how long the experiment runs (default {@link #DEFAULT_DURATION})
 * @param seed the seed, when the config gives one (it is then passed to both apps as {@code --seed})
 * @param samplePeriod how often consumption is sampled and files collected (default {@link #DEFAULT_SAMPLE_PERIOD})
 * @param model model of every app that does not name its own ({@code default}: the project's model)
 * @param imageRegistry registry of the project's images on a cluster ({@link ImageRegistry}; empty: none)
 * @param edgesPerHost edges to one edge host in the local runtime's namespace mode (default 1: a process each)
 */
record ExperimentSettings(String name, Duration duration, Optional<Long> seed, Duration samplePeriod,
        Optional<String> model, String imageRegistry, int edgesPerHost) {

    static final Duration DEFAULT_DURATION = Duration.ofMinutes(5);
    static final Duration DEFAULT_SAMPLE_PERIOD = Duration.ofSeconds(10);
    /** The longest experiment: 30 days. */
    static final Duration MAX_DURATION = Duration.ofDays(30);
    /** The shortest and the longest sample period. */
    static final Duration MIN_SAMPLE_PERIOD = Duration.ofMillis(100);
    static final Duration MAX_SAMPLE_PERIOD = Duration.ofHours(1);
    static final List<String> FIELDS = List.of("name", "duration", "seed", "samplePeriod", "model", "imageRegistry",
            "edgesPerHost");

    static ExperimentSettings read(Optional<ConfigNode> block, String defaultName, AppPaths paths) {
        if (block.isEmpty()) {
            return new ExperimentSettings(defaultName, DEFAULT_DURATION, Optional.empty(), DEFAULT_SAMPLE_PERIOD,
                    Optional.empty(), "", ExperimentPlan.MIN_EDGES_PER_HOST);
        }
        ConfigNode node = block.get();
        node.checkFields(FIELDS);
        String name = node.text("name").orElse(defaultName);
        if (name.isBlank()) {
            node.errors().add(node.path("name"), "\"" + name + "\" is blank (expected: a name)");
        }
        Duration duration = positive(node, "duration").flatMap(d -> atMost(node, "duration", d, MAX_DURATION))
                .orElse(DEFAULT_DURATION);
        Duration period = positive(node, "samplePeriod").flatMap(p -> within(node, p)).orElse(DEFAULT_SAMPLE_PERIOD);
        Optional<Long> seed = node.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        Optional<String> model = paths.model(node);
        int edgesPerHost = node.integer("edgesPerHost", ExperimentPlan.MIN_EDGES_PER_HOST,
                ExperimentPlan.MAX_EDGES_PER_HOST).map(Long::intValue).orElse(ExperimentPlan.MIN_EDGES_PER_HOST);
        if (edgesPerHost > 1 && paths.runtime() == RuntimeKind.KUBERNETES) {
            node.errors().add(node.path("edgesPerHost"), edgesPerHost + " is the local runtime's (namespace mode): on"
                    + " Kubernetes each edge is a pod of its own (expected: 1, or the local runtime)");
        }
        return new ExperimentSettings(name, duration, seed, period, model, imageRegistry(node), edgesPerHost);
    }

    private static String imageRegistry(ConfigNode node) {
        Optional<String> value = node.text("imageRegistry");
        if (value.isEmpty()) {
            return "";
        }
        try {
            return ImageRegistry.normalize(value.get());
        } catch (IllegalArgumentException e) {
            node.errors().add(node.path("imageRegistry"), "\"" + value.get() + "\" " + e.getMessage());
            return "";
        }
    }

    private static Optional<Duration> atMost(ConfigNode node, String field, Duration value, Duration max) {
        if (value.compareTo(max) > 0) {
            node.errors().add(node.path(field), "\"" + node.text(field).orElse("") + "\" is too long (expected: at most "
                    + TimeSpan.format(max) + ")");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static Optional<Duration> within(ConfigNode node, Duration value) {
        if (value.compareTo(MIN_SAMPLE_PERIOD) < 0) {
            node.errors().add(node.path("samplePeriod"), "\"" + node.text("samplePeriod").orElse("")
                    + "\" is too short (expected: from " + TimeSpan.format(MIN_SAMPLE_PERIOD) + " to "
                    + TimeSpan.format(MAX_SAMPLE_PERIOD) + ")");
            return Optional.empty();
        }
        return atMost(node, "samplePeriod", value, MAX_SAMPLE_PERIOD);
    }

    private static Optional<Duration> positive(ConfigNode node, String field) {
        Optional<Duration> value = node.parsed(field, TimeSpan::parse);
        if (value.isPresent() && value.get().isZero()) {
            node.errors().add(node.path(field), "\"" + node.text(field).orElse("") + "\" is zero (expected: a positive duration)");
            return Optional.empty();
        }
        return value;
    }
}
