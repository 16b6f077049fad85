package io.acai.launcher.local;

import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;

import java.util.List;

/**
 * What the namespace mode runs as one process in one network namespace: a single machine, as always, or an edge host,
 * several of the project's edges in one JVM ({@code edge-app.jar host FILE}). An edge host's cgroup gets the sum of
 * its members' CPU and memory limits (and requests), and its namespace one address per member.
 *
 * @param name the process's name: the machine's own for a single machine, {@code host-<first member>} for an edge
 *     host (its folder under the logs holds the host's {@code stdout.log} and {@value #FILE})
 * @param members the machines it runs, in the experiment's order
 */
record HostPlan(String name, List<MachinePlan> members) {

    /** The file listing an edge host's members, one command line per line, in the host's folder. */
    static final String FILE = "edges.host";
    /** What an edge host's name starts with. */
    static final String PREFIX = "host-";

    HostPlan {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a host of no machine");
        }
        if (members.size() > 1 && members.stream().anyMatch(m -> m.role() != Role.EDGE || !m.runsProjectApp())) {
            throw new IllegalArgumentException("host " + name + ": only the project's edges share a host, not "
                    + members.stream().map(MachinePlan::name).toList());
        }
    }

    /** A single machine in a process of its own. */
    static HostPlan alone(MachinePlan machine) {
        return new HostPlan(machine.name(), List.of(machine));
    }

    /** An edge host of these edges. */
    static HostPlan edgeHost(List<MachinePlan> edges) {
        return new HostPlan(PREFIX + edges.get(0).name(), edges);
    }

    /** True for an edge host, false for a single machine. */
    boolean isEdgeHost() {
        return members.size() > 1;
    }

    List<String> memberNames() {
        return members.stream().map(MachinePlan::name).toList();
    }

    /** The members' limits and requests summed: the host's cgroup and JVM sizing. */
    Resources resources() {
        long cpuRequest = 0;
        long cpuLimit = 0;
        long memoryRequest = 0;
        long memoryLimit = 0;
        int gpus = 0;
        for (MachinePlan m : members) {
            Resources r = m.resources();
            cpuRequest += r.cpuRequestMillis();
            cpuLimit += r.cpuLimitMillis();
            memoryRequest += r.memoryRequestBytes();
            memoryLimit += r.memoryLimitBytes();
            gpus += r.gpus();
        }
        // a member without a limit leaves the whole host unlimited in that resource
        boolean cpuUnlimited = members.stream().anyMatch(m -> m.resources().cpuLimitMillis() == 0);
        boolean memoryUnlimited = members.stream().anyMatch(m -> m.resources().memoryLimitBytes() == 0);
        return new Resources(cpuRequest, cpuUnlimited ? 0 : cpuLimit, memoryRequest, memoryUnlimited ? 0 : memoryLimit,
                gpus);
    }

    /** The token the members share (they share one environment), or null for none. */
    String token() {
        return members.get(0).token();
    }
}
