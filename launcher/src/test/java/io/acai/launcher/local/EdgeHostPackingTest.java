package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which edges share an edge host, what the host is given, and the tc lines that keep each member's link its own. */
class EdgeHostPackingTest {

    private static final Resources EDGE = new Resources(100, 250, 128L << 20, 512L << 20, 0);

    private static MachinePlan projectEdge(String name, String token) {
        return MachinePlan.builder().setName(name).setRole(Role.EDGE).optResources(EDGE).optToken(token)
                .optArgs(List.of(MachinePlan.CLOUD_ADDRESS, "9000", "edge_inf.log", "edge_update.log", "edge_inf.csv",
                        "edge_update.csv", "1", name))
                .build();
    }

    private static ExperimentPlan plan(int edgesPerHost, List<MachinePlan> edges, List<LinkPlan> links) {
        List<MachinePlan> machines = new ArrayList<>();
        machines.add(MachinePlan.builder().setName("cloud").setRole(Role.CLOUD).optPort(9000).build());
        machines.addAll(edges);
        return new ExperimentPlan("hosts", 1, Duration.ofMinutes(1), Duration.ofSeconds(10), RuntimeKind.LOCAL,
                machines, links, "", edgesPerHost);
    }

    @Test
    void edgesArePackedKToAHostInOrderTheCloudAndUserCommandsStayAlone() {
        MachinePlan control = MachinePlan.builder().setName("edge-5-static").setRole(Role.EDGE).optResources(EDGE)
                .optControlOf("edge-1").build();
        List<MachinePlan> edges = List.of(projectEdge("edge-1", null), projectEdge("edge-2", null),
                LocalPlans.edge("own-command", List.of()), projectEdge("edge-3", null), projectEdge("edge-4", null),
                control);
        List<HostPlan> hosts = EdgeHostPacking.pack(plan(2, edges, List.of()));
        assertThat(hosts).extracting(HostPlan::name).containsExactly("cloud", "host-edge-1", "own-command",
                "host-edge-3", "edge-5-static");
        assertThat(hosts).extracting(HostPlan::memberNames).containsExactly(List.of("cloud"),
                List.of("edge-1", "edge-2"), List.of("own-command"), List.of("edge-3", "edge-4"),
                List.of("edge-5-static"));
        assertThat(hosts.get(1).isEdgeHost()).isTrue();
        assertThat(hosts.get(4).isEdgeHost()).as("one edge left over runs alone").isFalse();

        List<HostPlan> three = EdgeHostPacking.pack(plan(3, edges, List.of()));
        assertThat(three).extracting(HostPlan::memberNames).containsExactly(List.of("cloud"),
                List.of("edge-1", "edge-2", "edge-3"), List.of("own-command"), List.of("edge-4", "edge-5-static"));

        assertThat(EdgeHostPacking.pack(plan(1, edges, List.of()))).as("edgesPerHost 1: a process per machine, as ever")
                .allSatisfy(h -> assertThat(h.isEdgeHost()).isFalse()).hasSize(7);
    }

    @Test
    void onlyEdgesWithTheSameTokenShareAHostForTheyShareOneEnvironment() {
        List<HostPlan> hosts = EdgeHostPacking.pack(plan(2, List.of(projectEdge("edge-1", "a"),
                projectEdge("edge-2", "b"), projectEdge("edge-3", "a"), projectEdge("edge-4", "b")), List.of()));
        assertThat(hosts).extracting(HostPlan::memberNames).containsExactly(List.of("cloud"),
                List.of("edge-1", "edge-3"), List.of("edge-2", "edge-4"));
        assertThat(hosts.get(1).token()).isEqualTo("a");
        assertThat(hosts.get(2).token()).isEqualTo("b");
    }

    @Test
    void aHostsLimitsAreItsMembersSummedAndSizeItsJvm() {
        HostPlan host = EdgeHostPacking.pack(plan(4, List.of(projectEdge("edge-1", null), projectEdge("edge-2", null),
                projectEdge("edge-3", null), projectEdge("edge-4", null)), List.of())).get(1);
        assertThat(host.resources()).isEqualTo(new Resources(400, 1000, 512L << 20, 2048L << 20, 0));
        AppJars jars = new AppJars(Path.of("/jars/cloud-app.jar"), Path.of("/jars/edge-app.jar"));
        List<String> command = MachineCommand.edgeHost(host, jars, Path.of("/logs/host-edge-1/edges.host"));
        assertThat(command).contains("-Xmx1024m", "-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1")
                .endsWith("-jar", "/jars/edge-app.jar", "host", "/logs/host-edge-1/edges.host");

        MachinePlan unlimited = MachinePlan.builder().setName("edge-5").setRole(Role.EDGE).build();
        HostPlan mixed = HostPlan.edgeHost(List.of(projectEdge("edge-1", null), unlimited));
        assertThat(mixed.resources().cpuLimitMillis()).as("a member without a limit: the host has none").isZero();
        assertThat(mixed.resources().memoryLimitBytes()).isZero();
    }

    @Test
    void theLoopbackModeAndAnOutOfRangeValueAreRefusedNamingTheField(@org.junit.jupiter.api.io.TempDir Path logs) {
        ExperimentPlan plan = plan(2, List.of(projectEdge("edge-1", null), projectEdge("edge-2", null)), List.of());
        assertThatThrownBy(() -> new LocalRuntime(LocalPlans.noJars(), false, false).deploy(plan, logs))
                .isInstanceOf(io.acai.launcher.plan.DeployException.class)
                .hasMessageContaining("experiment.edgesPerHost : 2 is not supported by the local runtime's loopback "
                        + "mode (expected: 1;");
        assertThatThrownBy(() -> plan.withEdgesPerHost(65)).hasMessage("experiment.edgesPerHost : 65 (expected: 1 to 64)");
        assertThatThrownBy(() -> plan.withEdgesPerHost(0)).hasMessage("experiment.edgesPerHost : 0 (expected: 1 to 64)");
    }

    @Test
    void aMachineNamedLikeAnEdgeHostIsRefused() {
        MachinePlan clash = MachinePlan.builder().setName("host-edge-1").setRole(Role.EDGE)
                .optCommand(List.of("sleep", "1")).build();
        assertThatThrownBy(() -> EdgeHostPacking.pack(plan(2, List.of(projectEdge("edge-1", null),
                projectEdge("edge-2", null), clash), List.of())))
                .hasMessageContaining("machine host-edge-1 has the name of the edge host of [edge-1, edge-2]");
    }

    @Test
    void eachMemberGetsItsArgumentsItsOwnFolderAndItsOwnAddressInTheHostFile() throws Exception {
        HostPlan host = HostPlan.edgeHost(List.of(projectEdge("edge-1", null), projectEdge("edge-2", null)));
        List<String> lines = EdgeHostFile.lines(host, m -> m.argsWithCloud("10.1.2.130"),
                m -> Path.of("/logs").resolve(m), m -> m.equals("edge-1") ? "10.1.2.11" : "10.1.2.12");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readValue(lines.get(1), List.class)).containsExactly("10.1.2.130", "9000", "edge_inf.log",
                "edge_update.log", "edge_inf.csv", "edge_update.csv", "1", "edge-2", "--work-dir", "/logs/edge-2",
                "--bind", "10.1.2.12");
        assertThat(lines).hasSize(2);
    }

    @Test
    void twoMembersOfOneHostGetTheirOwnTcClassesInBothDirections() throws Exception {
        List<LinkPlan> links = List.of(
                new LinkPlan("edge-1", "cloud", 10_000_000, Duration.ZERO, Duration.ZERO, 1),
                new LinkPlan("cloud", "edge-1", 10_000_000, Duration.ZERO, Duration.ZERO, 1),
                new LinkPlan("edge-2", "cloud", 2_000_000, Duration.ZERO, Duration.ZERO, 0),
                new LinkPlan("cloud", "edge-2", 2_000_000, Duration.ZERO, Duration.ZERO, 0));
        ExperimentPlan plan = plan(2, List.of(projectEdge("edge-1", null), projectEdge("edge-2", null)), links);
        NamespaceNetwork network = NamespaceNetwork.layout("123456", EdgeHostPacking.pack(plan),
                new PrivateSubnet("10.1.2."));
        assertThat(network.host("edge-1").namespace()).isEqualTo(network.host("edge-2").namespace())
                .isEqualTo("acai-123456-host-edge-1");
        assertThat(network.host("edge-1").hostVeth()).isEqualTo("a123456v1").isEqualTo(network.host("edge-2").hostVeth());
        assertThat(List.of(network.host("cloud").address(), network.host("edge-1").address(),
                network.host("edge-2").address())).containsExactly("10.1.2.10", "10.1.2.11", "10.1.2.12");

        HostCapabilities kernel = new HostCapabilities(true, true, true, false, true, "");
        List<String> lines = new TcLinkShaper(network, kernel).commands(links).stream()
                .map(c -> String.join(" ", c)).toList();
        String ns = "tc -n acai-123456-host-edge-1 ";
        assertThat(lines).as("one root on the shared eth0").filteredOn(l -> l.startsWith(ns + "qdisc add dev eth0 root"))
                .hasSize(1);
        assertThat(lines).contains(
                // edge-1 -> cloud (class 1:1) and edge-2 -> cloud (1:3), on the shared eth0, told apart by source
                ns + "class add dev eth0 parent 1: classid 1:1 htb rate 10000000bit ceil 10000000bit burst 3028b "
                        + "cburst 3028b quantum 1514",
                ns + "filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.11/32 match ip dst "
                        + "10.1.2.10/32 flowid 1:1",
                ns + "filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.11/32 match ip dst "
                        + "10.1.2.130/32 flowid 1:1",
                ns + "class add dev eth0 parent 1: classid 1:3 htb rate 2000000bit ceil 2000000bit burst 3028b "
                        + "cburst 3028b quantum 1514",
                ns + "filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.12/32 match ip dst "
                        + "10.1.2.10/32 flowid 1:3",
                // cloud -> edge-1 (1:2) and cloud -> edge-2 (1:4), on the cloud's eth0, told apart by destination
                "tc -n acai-123456-cloud filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.10/32"
                        + " match ip dst 10.1.2.11/32 flowid 1:2",
                "tc -n acai-123456-cloud filter add dev eth0 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.10/32"
                        + " match ip dst 10.1.2.132/32 flowid 1:4",
                // loss of cloud -> edge-1 on the host's shared bridge port: only packets to edge-1's address
                "tc filter add dev a123456v1 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.10/32 match ip dst "
                        + "10.1.2.11/32 flowid 1:2",
                "tc filter add dev a123456v1 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.130/32 match ip dst "
                        + "10.1.2.11/32 flowid 1:2",
                // loss of edge-1 -> cloud on the cloud's port: only packets from edge-1's address or alias
                "tc filter add dev a123456v0 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.11/32 match ip dst "
                        + "10.1.2.10/32 flowid 1:1",
                "tc filter add dev a123456v0 parent 1: protocol ip prio 1 u32 match ip src 10.1.2.131/32 match ip dst "
                        + "10.1.2.10/32 flowid 1:1");
        assertThat(lines).as("no filter matches one end only").filteredOn(l -> l.contains(" u32 "))
                .allSatisfy(l -> assertThat(l).contains("match ip src").contains("match ip dst"));
    }
}
