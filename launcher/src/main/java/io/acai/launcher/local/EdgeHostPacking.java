package io.acai.launcher.local;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which machines share a process in the namespace mode ({@code experiment.edgesPerHost} = K). With K = 1 every machine
 * runs alone, as always. With K &gt; 1 the project's edges, learning and static alike, are packed K to an edge host in
 * the experiment's order, each host holding only edges with the same token (the members share one environment, which
 * carries it); the cloud, and any edge with a command of its own, stay alone. A last host left with one edge runs it
 * alone.
 */
final class EdgeHostPacking {

    private EdgeHostPacking() {
    }

    /** The processes of {@code plan}, each machine in exactly one, in the experiment's order of their first member. */
    static List<HostPlan> pack(ExperimentPlan plan) {
        int k = plan.edgesPerHost();
        Map<String, List<MachinePlan>> open = new LinkedHashMap<>();
        Map<MachinePlan, HostPlan> placed = new LinkedHashMap<>();
        for (MachinePlan machine : plan.machines()) {
            if (k == 1 || !packable(machine)) {
                placed.put(machine, HostPlan.alone(machine));
                continue;
            }
            List<MachinePlan> filling = open.computeIfAbsent(Objects.toString(machine.token(), ""),
                    t -> new ArrayList<>());
            filling.add(machine);
            if (filling.size() == k) {
                HostPlan host = HostPlan.edgeHost(filling);
                filling.forEach(m -> placed.put(m, host));
                open.remove(Objects.toString(machine.token(), ""));
            }
        }
        for (List<MachinePlan> rest : open.values()) {
            HostPlan host = rest.size() == 1 ? HostPlan.alone(rest.get(0)) : HostPlan.edgeHost(rest);
            rest.forEach(m -> placed.put(m, host));
        }
        List<HostPlan> hosts = new ArrayList<>();
        for (MachinePlan machine : plan.machines()) {
            HostPlan host = placed.get(machine);
            if (!hosts.contains(host)) {
                hosts.add(host);
            }
        }
        checkNames(plan, hosts);
        return hosts;
    }

    /** Whether the machine may share an edge host: one of the project's edges. */
    static boolean packable(MachinePlan machine) {
        return machine.role() == Role.EDGE && machine.runsProjectApp();
    }

    /** An edge host's name must not be a machine's: both name a folder under the logs. */
    private static void checkNames(ExperimentPlan plan, List<HostPlan> hosts) {
        Set<String> machines = plan.machines().stream().map(MachinePlan::name).collect(Collectors.toSet());
        for (HostPlan host : hosts) {
            if (host.isEdgeHost() && machines.contains(host.name())) {
                throw new IllegalArgumentException("machine " + host.name() + " has the name of the edge host of "
                        + host.memberNames() + " (expected: no machine named " + HostPlan.PREFIX + "<edge>, or "
                        + "experiment.edgesPerHost 1)");
            }
        }
    }
}
