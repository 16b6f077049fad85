package io.acai.launcher.plan;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated experiment, independent of the JSON it came from: what every runtime starts.
 *
 * @param name experiment name (from the config file name unless the config names it)
 * @param seed seed handed to the apps so that runs repeat
 * @param duration how long the experiment runs before the launcher stops it
 * @param samplePeriod how often consumption is sampled and files are collected (default 10 s)
 * @param runtime local or Kubernetes
 * @param machines every machine, the cloud first
 * @param links every shaped direction
 * @param imageRegistry registry of the project's images on a cluster ({@link ImageRegistry}); empty for none
 * @param edgesPerHost how many of the project's edges share one edge host, one JVM, in the local runtime's namespace
 *     mode ({@value #MIN_EDGES_PER_HOST} to {@value #MAX_EDGES_PER_HOST}; 1, the default: each edge its own process)
 */
public record ExperimentPlan(String name, long seed, Duration duration, Duration samplePeriod, RuntimeKind runtime,
        List<MachinePlan> machines, List<LinkPlan> links, String imageRegistry, int edgesPerHost) {

    public static final int MIN_EDGES_PER_HOST = 1;
    public static final int MAX_EDGES_PER_HOST = 64;

    /** A plan without an image registry. */
    public ExperimentPlan(String name, long seed, Duration duration, Duration samplePeriod, RuntimeKind runtime,
            List<MachinePlan> machines, List<LinkPlan> links) {
        this(name, seed, duration, samplePeriod, runtime, machines, links, "");
    }

    /** A plan with each edge in a process of its own. */
    public ExperimentPlan(String name, long seed, Duration duration, Duration samplePeriod, RuntimeKind runtime,
            List<MachinePlan> machines, List<LinkPlan> links, String imageRegistry) {
        this(name, seed, duration, samplePeriod, runtime, machines, links, imageRegistry, MIN_EDGES_PER_HOST);
    }

    public ExperimentPlan {
        machines = List.copyOf(machines);
        links = List.copyOf(links);
        imageRegistry = imageRegistry == null ? "" : imageRegistry;
        if (edgesPerHost < MIN_EDGES_PER_HOST || edgesPerHost > MAX_EDGES_PER_HOST) {
            throw new IllegalArgumentException("experiment.edgesPerHost : " + edgesPerHost + " (expected: "
                    + MIN_EDGES_PER_HOST + " to " + MAX_EDGES_PER_HOST + ")");
        }
        if (machines.stream().filter(m -> m.role() == Role.CLOUD).count() != 1) {
            throw new IllegalArgumentException("an experiment has exactly one cloud machine");
        }
    }

    /** This plan with {@code edgesPerHost} edges to an edge host. */
    public ExperimentPlan withEdgesPerHost(int edgesPerHost) {
        return new ExperimentPlan(name, seed, duration, samplePeriod, runtime, machines, links, imageRegistry,
                edgesPerHost);
    }

    public MachinePlan cloud() {
        return machines.stream().filter(m -> m.role() == Role.CLOUD).findFirst().orElseThrow();
    }

    public List<MachinePlan> edges() {
        return machines.stream().filter(m -> m.role() == Role.EDGE).toList();
    }

    public Optional<MachinePlan> machine(String name) {
        return machines.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Each static control's name, mapped to the name of the edge whose frames it sees; in machine order. */
    public Map<String, String> controlOf() {
        Map<String, String> controls = new LinkedHashMap<>();
        machines.stream().filter(MachinePlan::isControl).forEach(m -> controls.put(m.name(), m.controlOf()));
        return Collections.unmodifiableMap(controls);
    }

    /** The shaped direction from one machine to another, if the config shapes it. */
    public Optional<LinkPlan> link(String from, String to) {
        return links.stream().filter(l -> l.from().equals(from) && l.to().equals(to)).findFirst();
    }
}
