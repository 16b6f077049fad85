package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.MachineUsage;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.records.csv.CsvHeaderException;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.LinkRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge hosts in the namespace mode with the real apps: a cloud and four edges, two to a host, each host holding one
 * edge on a 4 Mbit/s link and one on a 12 Mbit/s link. Each edge's link, measured from its own address before the
 * apps start, matches its own rate (so the two members of a namespace were shaped apart), each edge reaches the cloud
 * from its own address and writes its own frames in its own folder. Needs root on Linux and the app jars
 * ({@code mvn package}); skipped otherwise.
 */
class EdgeHostNamespaceTest {

    private static final long SLOW = 4_000_000;
    private static final long FAST = 12_000_000;

    @TempDir
    Path logs;

    @Test
    void eachMemberOfAnEdgeHostKeepsItsOwnShapedLinkAddressAndFiles() throws Exception {
        HostObjects.requireNamespaces();
        AppJars jars = PackagedJars.orSkip();
        int port = FreePort.pick();
        List<MachinePlan> machines = new ArrayList<>();
        machines.add(MachinePlan.builder().setName("cloud").setRole(Role.CLOUD)
                .optArgs(List.of(Integer.toString(port), "cloud.log", "cloud.csv")).optPort(port)
                .optResources(new Resources(0, 1000, 0, 2L << 30, 0)).build());
        List<LinkPlan> links = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String edge = "edge-" + i;
            machines.add(MachinePlan.builder().setName(edge).setRole(Role.EDGE)
                    .optArgs(List.of(MachinePlan.CLOUD_ADDRESS, Integer.toString(port), "edge_inf.log",
                            "edge_update.log", "edge_inf.csv", "edge_update.csv", "2", edge, "--duration", "30s",
                            "--threads", "1", "--upload-threshold", "1000000"))
                    .optResources(new Resources(0, 400, 0, 768L << 20, 0)).build());
            long rate = i % 2 == 1 ? SLOW : FAST;
            links.add(new LinkPlan(edge, "cloud", rate, Duration.ZERO, Duration.ZERO, 0));
            links.add(new LinkPlan("cloud", edge, rate, Duration.ZERO, Duration.ZERO, 0));
        }
        ExperimentPlan plan = new ExperimentPlan("edge-hosts", 1, Duration.ofSeconds(30), Duration.ofSeconds(5),
                RuntimeKind.LOCAL, machines, links, "", 2);

        try (LocalDeployment deployment = (LocalDeployment) new LocalRuntime(jars).deploy(plan, logs)) {
            List<LinkRow> measured = LinkRow.SCHEMA.readAll(LinkRow.SCHEMA.in(logs));
            assertThat(measured).hasSize(8);
            for (LinkRow row : measured) {
                String edge = row.from().equals("cloud") ? row.to() : row.from();
                double configured = (edge.equals("edge-1") || edge.equals("edge-3") ? SLOW : FAST) / 1e6;
                assertThat(row.configuredMbps()).as(row.toString()).isEqualTo(configured);
                assertThat(row.measuredMbps()).as("its own rate, not its host neighbour's: " + row)
                        .isBetween(0.8 * configured, 1.1 * configured);
            }
            assertThat(deployment.pid("edge-1")).as("edge-1 and edge-2 share a JVM").isEqualTo(deployment.pid("edge-2"));
            assertThat(deployment.pid("edge-3")).isEqualTo(deployment.pid("edge-4")).isNotEqualTo(deployment.pid("edge-1"));
            assertThat(Files.readString(logs.resolve("host-edge-1").resolve(HostPlan.FILE)))
                    .contains("\"edge-1\"", "\"edge-2\"", "\"--bind\"");

            // a CSV can be polled between its creation and its header row: that is "not yet", not a wrong header
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .ignoreException(CsvHeaderException.class).untilAsserted(() -> {
                assertThat(deployment.states()).as(deployment.logTail("edge-1", 30)).containsValues(MachineState.RUNNING)
                        .doesNotContainValue(MachineState.EXITED);
                for (int i = 1; i <= 4; i++) {
                    Path csv = logs.resolve("edge-" + i).resolve("edge_inf.csv");
                    assertThat(Files.isRegularFile(csv) ? InferenceRow.SCHEMA.readAll(csv) : List.of())
                            .as("edge-%d's frames in its own folder", i).isNotEmpty();
                }
            });
            String cloudLog = Files.readString(logs.resolve("cloud").resolve("cloud.log"));
            for (int i = 1; i <= 4; i++) {
                assertThat(cloudLog).as("edge-%d connects from its own address", i)
                        .containsPattern("edge edge-" + i + " connected from /\\d+\\.\\d+\\.\\d+\\." + (10 + i) + ":");
            }
            List<MachineUsage> usage = deployment.sample();
            assertThat(usage).extracting(MachineUsage::machine).contains("edge-1", "edge-2", "edge-3", "edge-4");
            MachineUsage one = usage.stream().filter(u -> u.machine().equals("edge-1")).findFirst().orElseThrow();
            MachineUsage two = usage.stream().filter(u -> u.machine().equals("edge-2")).findFirst().orElseThrow();
            assertThat(one.memoryMib()).as("the host's memory split evenly").isPositive().isEqualTo(two.memoryMib());
        }
    }
}
