package io.acai.launcher.kubernetes;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.launcher.plan.Volume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Experiment plans built directly from the plan records, as the config parser would produce them. */
final class TestPlans {

    private TestPlans() {
    }

    /**
     * A cloud with a GPU, an NFS volume and node placement, and {@code edges} edges (the first with a
     * scratch volume and its own image and command), each edge linked both ways with the cloud.
     */
    static ExperimentPlan cloudAndEdges(String name, int edges) {
        return cloudAndEdges(name, edges, null);
    }

    /** As {@link #cloudAndEdges(String, int)}, the cloud and the edges running the project's app holding {@code token}. */
    static ExperimentPlan cloudAndEdges(String name, int edges, String token) {
        List<MachinePlan> machines = new ArrayList<>();
        machines.add(MachinePlan.builder().setName("cloud").setRole(Role.CLOUD)
                .optArgs(List.of("--port", "9000")).optPort(9000).optToken(token)
                .optResources(new Resources(2000, 4000, 4L << 30, 8L << 30, 1))
                .optVolumes(List.of(new Volume("datasets", "/data", "10.0.0.5", "/exports/acai")))
                .optNode("gpu-node-1")
                .build());
        List<LinkPlan> links = new ArrayList<>();
        for (int i = 1; i <= edges; i++) {
            String edge = "edge-" + i;
            boolean custom = i == 1;
            machines.add(MachinePlan.builder().setName(edge).setRole(Role.EDGE)
                    .optImage(custom ? "registry.example/acai-edge:custom" : null)
                    .optCommand(custom ? List.of("java", "-jar", "/opt/acai/edge-app.jar") : List.of())
                    .optArgs(List.of("--cloud", "{}:9000", "--camera", String.valueOf(i)))
                    .optResources(new Resources(500, 1000, 256L << 20, 512L << 20, 0))
                    .optVolumes(custom ? List.of(new Volume("scratch", "/scratch", null, null)) : List.of())
                    .optNode(i % 2 == 0 ? "edge-node-" + i : null)
                    .optToken(custom ? null : token)
                    .build());
            links.add(new LinkPlan(edge, "cloud", 10_000_000L * i, Duration.ofMillis(20 * i), Duration.ofMillis(5),
                    i == 3 ? 1.5 : 0));
            links.add(new LinkPlan("cloud", edge, 50_000_000L, Duration.ofMillis(20 * i), Duration.ZERO, 0));
        }
        return new ExperimentPlan(name, 42, Duration.ofMinutes(10), Duration.ofSeconds(10), RuntimeKind.KUBERNETES,
                machines, links);
    }
}
