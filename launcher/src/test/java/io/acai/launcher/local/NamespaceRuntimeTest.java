package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.MachineUsage;
import io.acai.launcher.plan.Resources;
import io.acai.records.run.LinkRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The namespace mode on a root Linux host (CI is one): a pair shaped at 10 Mbit/s with 50 ms each
 * way is measured within tolerance, and neither a finished run nor a failed deploy leaves a
 * namespace, device, qdisc, cgroup or ledger behind. Skipped elsewhere, with the reason.
 */
class NamespaceRuntimeTest {

    @TempDir
    Path logs;

    @Test
    void shapedPairIsMeasuredWithinToleranceAndTeardownLeavesNothing() throws Exception {
        HostObjects.requireNamespaces();
        TreeSet<String> before = HostObjects.snapshot();
        int port = FreePort.pick();
        ExperimentPlan plan = LocalPlans.pair(port, 10_000_000, Duration.ofMillis(50), 0,
                new Resources(0, 500, 0, 256L << 20, 0));
        LocalRuntime runtime = new LocalRuntime(LocalPlans.noJars());
        assertThat(runtime.describe()).contains("namespace mode", "netem");
        LocalDeployment deployment = (LocalDeployment) runtime.deploy(plan, logs);
        try {
            List<LinkRow> links = LinkRow.SCHEMA.readAll(LinkRow.SCHEMA.in(logs));
            assertThat(links).hasSize(2);
            for (LinkRow row : links) {
                assertThat(row.configuredMbps()).isEqualTo(10.0);
                // TCP payload over htb's rate counts Ethernet, IP and TCP headers: about 95.6% of the rate
                assertThat(row.measuredMbps()).as(row.toString()).isBetween(8.5, 10.5);
                assertThat(row.configuredRttMs()).isEqualTo(100.0);
                assertThat(row.measuredRttMs()).as(row.toString()).isBetween(99.0, 130.0);
            }
            assertThat(deployment.warnings()).isEmpty();
            assertThat(deployment.states()).containsEntry("cloud", MachineState.RUNNING);
            String ns = NamespaceNetwork.namespaceName(deployment.runId(), "cloud");
            long cloudPid = deployment.pid("cloud");
            // say what the cloud process printed and whether it still runs if it is not (or not yet) in its namespace
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(HostCommand.run("ip", "netns", "pids", ns))
                    .as("pids in %s; cloud pid %d alive: %s; its output: %s", ns, cloudPid,
                            ProcessHandle.of(cloudPid).map(ProcessHandle::isAlive).orElse(false), cloudOutput(logs))
                    .contains(Long.toString(cloudPid)));
            TreeSet<String> during = HostObjects.snapshot();
            assertThat(during).contains("netns " + ns, "link acai" + deployment.runId());
            assertThat(during).anyMatch(o -> o.startsWith("cgroup ") && o.endsWith("acai-" + deployment.runId()));
            assertThat(deployment.sample()).extracting(MachineUsage::machine).contains("cloud", "edge1");
        } finally {
            deployment.close();
        }
        assertThat(deployment.states()).containsEntry("cloud", MachineState.STOPPED);
        assertThat(HostObjects.snapshot()).isEqualTo(before);
    }

    @Test
    void failedDeployRemovesEverythingItCreated() throws Exception {
        HostObjects.requireNamespaces();
        TreeSet<String> before = HostObjects.snapshot();
        // the edge's log folder cannot be created: the deploy fails after the network, the shaping and the cloud are up
        Files.writeString(logs.resolve("edge1"), "not a folder");
        ExperimentPlan plan = LocalPlans.pair(FreePort.pick(), 5_000_000, Duration.ofMillis(10), 5,
                new Resources(0, 500, 0, 256L << 20, 0));
        assertThatThrownBy(() -> new LocalRuntime(LocalPlans.noJars(), false, true).deploy(plan, logs))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("while starting edge1")
                .hasMessageContaining("everything created was removed");
        assertThat(HostObjects.snapshot()).isEqualTo(before);
    }

    @Test
    void portTakenOnEveryAddressFailsBeforeAnythingStarts() throws Exception {
        HostObjects.requireNamespaces();
        TreeSet<String> before = HostObjects.snapshot();
        try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
            taken.bind(new java.net.InetSocketAddress(0));
            int port = taken.getLocalPort();
            ExperimentPlan plan = LocalPlans.pair(port, 5_000_000, Duration.ofMillis(10), 0, Resources.NONE);
            assertThatThrownBy(() -> new LocalRuntime(LocalPlans.noJars(), false, true).deploy(plan, logs))
                    .isInstanceOf(DeployException.class)
                    .hasMessageContaining("machine cloud: port " + port + " is already in use on this host");
        }
        assertThat(logs.resolve("cloud")).doesNotExist();
        assertThat(HostObjects.snapshot()).isEqualTo(before);
    }

    @Test
    void leftoversOfADeadRunAreRemovedAndOthersAreNot() throws Exception {
        HostObjects.requireNamespaces();
        String id = HostCapabilities.newRunId();
        String ours = "acai-" + id + "-cloud";
        String foreign = "acai-" + HostCapabilities.newRunId() + "-stranger";
        Path root = Files.createTempDirectory("acai-ledgers");
        TeardownLedger ledger = TeardownLedger.open(root, id);
        ledger.record(TeardownLedger.Kind.NETNS, ours);
        HostCommand.run("ip", "netns", "add", ours);
        HostCommand.run("ip", "netns", "add", foreign);
        try {
            // a launcher that died: the owner's pid no longer runs this process
            Files.writeString(root.resolve(id).resolve("owner"), "999999999 1\n");
            assertThat(TeardownLedger.removeLeftovers(root)).isEqualTo(1);
            String namespaces = HostCommand.run("ip", "netns", "list");
            assertThat(namespaces).doesNotContain(ours).contains(foreign);
            assertThat(root.resolve(id)).doesNotExist();
        } finally {
            HostCommand.succeeds("ip", "netns", "del", ours);
            HostCommand.run("ip", "netns", "del", foreign);
            Files.deleteIfExists(root);
        }
    }

    private static String cloudOutput(Path logs) {
        try (var files = Files.walk(logs.resolve("cloud"))) {
            StringBuilder out = new StringBuilder();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.append(file.getFileName()).append(": ").append(Files.readString(file)).append(' ');
            }
            return out.toString();
        } catch (java.io.IOException e) {
            return "(none: " + e.getMessage() + ")";
        }
    }
}
