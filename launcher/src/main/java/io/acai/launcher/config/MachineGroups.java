package io.acai.launcher.config;

import io.acai.options.MachineName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups of identical client machines: an entry of {@code machines[]} with {@code "count": N} stands for N
 * machines named {@code <name>-0} to {@code <name>-<N-1>}, the number zero-padded to the width of N-1
 * ({@code "count": 100} gives {@code edge-00} to {@code edge-99}). A connection whose {@code node1} or
 * {@code node2} names the group is a template: one connection per member. Members keep their entry's path
 * in error messages, and a problem of the entry is reported once, not once per member.
 *
 * <pre>{@code
 * {"name": "edge", "category": "client", "count": 3, "app": {"rate": 4}}
 * {"node1": "cloud", "node2": "edge", "bandwidth": "10mbps"}      // cloud <-> edge-0, edge-1 and edge-2
 * }</pre>
 */
public final class MachineGroups {

    public static final String FIELD = "count";
    /** The most machines one group may declare. */
    static final long MAX_COUNT = 1000;

    /** One machine entry after expansion, with the group it belongs to (null when it is not in one). */
    record Entry(ConfigNode node, String group) {
    }

    private final List<Entry> machines;
    private final Map<String, List<String>> members;

    private MachineGroups(List<Entry> machines, Map<String, List<String>> members) {
        this.machines = machines;
        this.members = members;
    }

    /** Expands every group of {@code machines}; a group with a bad count or name stays one entry, its problem recorded. */
    static MachineGroups expand(List<ConfigNode> machines) {
        List<Entry> out = new ArrayList<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (ConfigNode machine : machines) {
            if (!machine.has(FIELD)) {
                out.add(new Entry(machine, null));
                continue;
            }
            Optional<Long> count = machine.integer(FIELD, 1, MAX_COUNT);
            ConfigNode single = machine.withText(FIELD, null);
            String name = machine.isText("name") ? machine.text("name").orElseThrow() : null;
            if (machine.isText("category") && "server".equals(machine.text("category").orElseThrow())) {
                machine.errors().add(machine.path(FIELD), "is set on a server (expected: count on client machines only;"
                        + " an experiment has one cloud)");
                count = Optional.empty();
            }
            if (count.isEmpty() || !MachineName.isValid(name)) {
                out.add(new Entry(single, null));
                continue;
            }
            List<String> names = names(name, count.get().intValue());
            String last = names.get(names.size() - 1);
            if (!MachineName.isValid(last)) {
                machine.errors().add(machine.path("name"), "\"" + name + "\" with count " + count.get()
                        + " names its machines up to \"" + last + "\", longer than 63 characters (expected: a group name of"
                        + " at most " + (63 - (last.length() - name.length())) + " characters)");
                out.add(new Entry(single, null));
                continue;
            }
            members.put(name, names);
            for (String member : names) {
                out.add(new Entry(single.withText("name", member), name));
            }
        }
        return new MachineGroups(out, members);
    }

    /** {@code <group>-<i>} for i from 0 to count-1, zero-padded to the width of count-1. */
    public static List<String> names(String group, int count) {
        int width = Integer.toString(count - 1).length();
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(group + "-" + String.format("%0" + width + "d", i));
        }
        return names;
    }

    /** Every machine entry, a group's members in place of the group. */
    List<Entry> machines() {
        return machines;
    }

    /** The members of every group by the group's name. */
    Map<String, List<String>> members() {
        return members;
    }

    /**
     * The connections with every template expanded: a connection naming a group in {@code node1} or {@code node2}
     * becomes one per member. One naming two groups is an error (which pairs were meant is not clear).
     */
    List<ConfigNode> connections(List<ConfigNode> connections) {
        List<ConfigNode> out = new ArrayList<>();
        for (ConfigNode connection : connections) {
            String node1 = group(connection, "node1");
            String node2 = group(connection, "node2");
            if (node1 != null && node2 != null) {
                connection.errors().add(connection.path("node2"), "\"" + node2 + "\" is a group, and so is node1 \"" + node1
                        + "\" (expected: at most one group in a connection; it stands for one connection per member)");
            } else if (node1 != null || node2 != null) {
                String end = node1 != null ? "node1" : "node2";
                for (String member : members.get(node1 != null ? node1 : node2)) {
                    out.add(connection.withText(end, member));
                }
            } else {
                out.add(connection);
            }
        }
        return out;
    }

    private String group(ConfigNode connection, String end) {
        if (!connection.isText(end)) {
            return null;
        }
        String name = connection.quietly().text(end).orElseThrow();
        return members.containsKey(name) ? name : null;
    }
}
