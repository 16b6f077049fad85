package io.acai.launcher.config;

import io.acai.launcher.plan.LinkPlan;
import io.acai.options.TimeSpan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of {@code connections[]}: the link between {@code node1} and {@code node2}, shaped in the
 * {@code direction} it names ({@code to}: traffic node1 sends to node2; {@code from}: traffic node1
 * receives from node2; {@code both}, the default). {@code bandwidth}, {@code latency} (one-way),
 * {@code jitter} and {@code loss} apply to every shaped direction; {@code bandwidthTo} and
 * {@code bandwidthFrom} set the rate of one direction only.
 */
final class ConnectionSection {

    static final List<String> FIELDS = List.of("node1", "node2", "direction", "bandwidth", "bandwidthTo",
            "bandwidthFrom", "latency", "jitter", "loss");

    /** The longest latency or jitter: a minute, far beyond any real link and well within what netem takes. */
    static final Duration MAX_DELAY = Duration.ofMinutes(1);

    private ConnectionSection() {
    }

    /**
     * The shaped directions of every connection. {@code machines} are the names the config declares;
     * a direction shaped by two connections is an error, and so is a connection of a static control
     * ({@code controls}), which never talks to another machine.
     */
    static List<LinkPlan> read(List<ConfigNode> connections, Set<String> machines, Set<String> controls) {
        List<LinkPlan> links = new ArrayList<>();
        Map<String, String> shapedBy = new HashMap<>();
        for (ConfigNode node : connections) {
            for (String end : List.of("node1", "node2")) {
                Optional.of(end).filter(node::isText).flatMap(node::text).filter(controls::contains).ifPresent(control -> node.errors().add(node.path(end),
                        "\"" + control + "\" is a static control (app.controlOf), which never talks to another machine"
                                + " (expected: no connection for a control)"));
            }
            for (LinkPlan link : read(node, machines)) {
                String key = link.from() + " -> " + link.to();
                String previous = shapedBy.putIfAbsent(key, node.path());
                if (previous != null) {
                    node.errors().add(node.path(), "shapes " + key + " again (already shaped by " + previous
                            + "; expected: one connection per direction)");
                } else {
                    links.add(link);
                }
            }
        }
        return links;
    }

    private static List<LinkPlan> read(ConfigNode node, Set<String> machines) {
        node.checkFields(FIELDS);
        node.require("node1");
        node.require("node2");
        Optional<String> node1 = machine(node, "node1", machines);
        Optional<String> node2 = machine(node, "node2", machines);
        String direction = node.choice("direction", Set.of("to", "from", "both"), "to, from or both").orElse("both");
        Optional<Long> rate = node.parsed("bandwidth", BitRate::parseBitsPerSecond);
        Optional<Long> rateTo = node.parsed("bandwidthTo", BitRate::parseBitsPerSecond);
        Optional<Long> rateFrom = node.parsed("bandwidthFrom", BitRate::parseBitsPerSecond);
        Duration latency = node.duration("latency", Duration.ZERO, MAX_DELAY).orElse(Duration.ZERO);
        Duration jitter = node.duration("jitter", Duration.ZERO, MAX_DELAY).orElse(Duration.ZERO);
        double loss = loss(node).orElse(0.0);
        if (jitter.compareTo(latency) > 0) {
            node.errors().add(node.path("jitter"), "\"" + TimeSpan.format(jitter) + "\" is larger than the latency \""
                    + TimeSpan.format(latency) + "\" (expected: at most the latency, since a delay cannot be negative)");
        }
        if (node.has("bandwidthTo") && direction.equals("from")) {
            node.errors().add(node.path("bandwidthTo"), "is set but direction is \"from\" (node1 to node2 is not shaped)");
        }
        if (node.has("bandwidthFrom") && direction.equals("to")) {
            node.errors().add(node.path("bandwidthFrom"), "is set but direction is \"to\" (node2 to node1 is not shaped)");
        }
        if (node1.isPresent() && node2.isPresent() && node1.get().equals(node2.get())) {
            node.errors().add(node.path("node2"), "\"" + node2.get() + "\" is node1 too (expected: two different machines)");
            return List.of();
        }
        if (node1.isEmpty() || node2.isEmpty()) {
            return List.of();
        }
        List<LinkPlan> links = new ArrayList<>();
        if (!direction.equals("from")) {
            links.add(new LinkPlan(node1.get(), node2.get(), rateTo.or(() -> rate).orElse(0L), latency, jitter, loss));
        }
        if (!direction.equals("to")) {
            links.add(new LinkPlan(node2.get(), node1.get(), rateFrom.or(() -> rate).orElse(0L), latency, jitter, loss));
        }
        return links;
    }

    private static Optional<String> machine(ConfigNode node, String field, Set<String> machines) {
        Optional<String> name = node.text(field);
        if (name.isPresent() && !machines.contains(name.get())) {
            node.errors().add(node.path(field), "\"" + name.get() + "\" is not a machine of this config (expected one of: "
                    + String.join(", ", machines) + ")");
            return Optional.empty();
        }
        return name;
    }

    /** {@code loss}: a percentage, as a number ({@code 2.5}) or a string ending in {@code %} ({@code "2.5%"}). */
    static Optional<Double> loss(ConfigNode node) {
        if (node.isText("loss")) {
            return node.parsed("loss", LossPercent::parse);
        }
        return node.number("loss", 0, false, 100);
    }
}
