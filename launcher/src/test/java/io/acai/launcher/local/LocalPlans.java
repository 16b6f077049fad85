package io.acai.launcher.local;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans whose machines run the link probe instead of the apps, so that the network layer is tested
 * on its own: the cloud is a {@link LinkProbe} server on its port, each edge a {@code sleep}.
 */
final class LocalPlans {

    private LocalPlans() {
    }

    static List<String> probeServer(int port) {
        return List.of(MachineCommand.javaBinary().toString(), "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
                NamespaceProbeRunner.classPath(), LinkProbe.class.getName(), "serve", Integer.toString(port));
    }

    static MachinePlan cloud(int port, Resources resources) {
        return MachinePlan.builder().setName("cloud").setRole(Role.CLOUD)
                .optCommand(probeServer(port)).optPort(port).optResources(resources).build();
    }

    static MachinePlan edge(String name, List<String> args) {
        return MachinePlan.builder().setName(name).setRole(Role.EDGE).optCommand(List.of("sleep", "300")).optArgs(args)
                .build();
    }

    /** A cloud and one edge linked both ways with the same rate, one-way delay and loss. */
    static ExperimentPlan pair(int port, long rateBitsPerSecond, Duration delay, double lossPercent, Resources cloud) {
        List<MachinePlan> machines = List.of(cloud(port, cloud), edge("edge1", List.of()));
        List<LinkPlan> links = new ArrayList<>();
        links.add(new LinkPlan("edge1", "cloud", rateBitsPerSecond, delay, Duration.ZERO, lossPercent));
        links.add(new LinkPlan("cloud", "edge1", rateBitsPerSecond, delay, Duration.ZERO, lossPercent));
        return new ExperimentPlan("local-test", 1, Duration.ofMinutes(1), Duration.ofSeconds(10), RuntimeKind.LOCAL,
                machines, links);
    }

    /** Jars that do not exist: fine as long as every machine runs its own command. */
    static AppJars noJars() {
        return new AppJars(java.nio.file.Path.of("no-such-dir/cloud-app.jar"), java.nio.file.Path.of("no-such-dir/edge-app.jar"));
    }
}
