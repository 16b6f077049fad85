package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.Deployment;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.MachineUsage;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.records.run.LinkRow;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loopback mode, which every user gets without root (forced here so that it runs as root too). */
class LoopbackRuntimeTest {

    @TempDir
    Path logs;

    @Test
    void linksThroughTheRelayAreMeasuredAndMachinesRunInTheirLogFolders() throws Exception {
        int port = FreePort.pick();
        ExperimentPlan plan = LocalPlans.pair(port, 8_000_000, Duration.ofMillis(25), 0, Resources.NONE);
        LocalRuntime runtime = new LocalRuntime(LocalPlans.noJars(), true, false);
        assertThat(runtime.describe()).contains("loopback mode", "loss");
        try (Deployment deployment = runtime.deploy(plan, logs)) {
            List<LinkRow> links = LinkRow.SCHEMA.readAll(LinkRow.SCHEMA.in(logs));
            assertThat(links).hasSize(2);
            for (LinkRow row : links) {
                assertThat(row.configuredMbps()).isEqualTo(8.0);
                assertThat(row.measuredMbps()).as(row.toString()).isBetween(6.4, 8.8);
                assertThat(row.configuredRttMs()).isEqualTo(50.0);
                assertThat(row.measuredRttMs()).as(row.toString()).isBetween(48.0, 110.0);
            }
            assertThat(deployment.states()).containsEntry("cloud", MachineState.RUNNING).containsEntry("edge1", MachineState.RUNNING);
            assertThat(Files.isRegularFile(logs.resolve("cloud").resolve("stdout.log"))).isTrue();
            // the first sample counts from the start: the probe server's JVM uses CPU starting up, which a sample
            // taken in its first milliseconds may not see yet
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<MachineUsage> usage = deployment.sample();
                assertThat(usage).extracting(MachineUsage::machine).contains("cloud", "edge1");
                assertThat(usage).filteredOn(u -> u.machine().equals("cloud")).singleElement().satisfies(u -> {
                    assertThat(u.role()).isEqualTo(Role.CLOUD);
                    assertThat(u.memoryMib()).isPositive();
                    assertThat(u.cpuCores()).isPositive();
                });
            });
            long cloudPid = ((LocalDeployment) deployment).pid("cloud");
            deployment.close();
            assertThat(ProcessHandle.of(cloudPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(deployment.states()).containsEntry("cloud", MachineState.STOPPED);
        }
    }

    @Test
    void crashedMachineIsReportedWithItsExitCodeAndLog() throws Exception {
        int port = FreePort.pick();
        MachinePlan cloud = LocalPlans.cloud(port, Resources.NONE);
        MachinePlan crashing = MachinePlan.builder().setName("edge1").setRole(Role.EDGE)
                .optCommand(List.of("sh", "-c", "echo broken model >&2; exit 3")).build();
        ExperimentPlan plan = new ExperimentPlan("crash", 1, Duration.ofMinutes(1), Duration.ofSeconds(10),
                RuntimeKind.LOCAL, List.of(cloud, crashing), List.of());
        try (LocalDeployment deployment = (LocalDeployment) new LocalRuntime(LocalPlans.noJars(), true, false).deploy(plan, logs)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(deployment.states()).containsEntry("edge1", MachineState.EXITED));
            assertThat(deployment.states()).containsEntry("cloud", MachineState.RUNNING);
            assertThat(deployment.exitCode("edge1")).hasValue(3);
            assertThat(deployment.logTail("edge1", 5)).contains("broken model");
        }
    }

    @Test
    void scratchVolumesAreFoldersAndNfsVolumesAreReported() throws Exception {
        MachinePlan cloud = MachinePlan.builder().setName("cloud").setRole(Role.CLOUD)
                .optCommand(LocalPlans.probeServer(FreePort.pick()))
                .optVolumes(List.of(new io.acai.launcher.plan.Volume("scratch", "/data", null, null),
                        new io.acai.launcher.plan.Volume("datasets", "/mnt", "10.0.0.5", "/exports/acai")))
                .build();
        ExperimentPlan plan = new ExperimentPlan("volumes", 1, Duration.ofMinutes(1), Duration.ofSeconds(10),
                RuntimeKind.LOCAL, List.of(cloud), List.of());
        try (LocalDeployment deployment = (LocalDeployment) new LocalRuntime(LocalPlans.noJars(), true, false).deploy(plan, logs)) {
            assertThat(logs.resolve("cloud").resolve("scratch")).isDirectory();
            assertThat(deployment.warnings()).singleElement().asString()
                    .contains("NFS volumes are not mounted by the local runtime").contains("NFS volume datasets (10.0.0.5:/exports/acai) of cloud");
        }
    }

    @Test
    void missingJarFailsBeforeAnythingStarts() {
        MachinePlan cloud = MachinePlan.builder().setName("cloud").setRole(Role.CLOUD)
                .optArgs(List.of("7000")).optPort(7000).build();
        ExperimentPlan plan = new ExperimentPlan("nojar", 1, Duration.ofMinutes(1), Duration.ofSeconds(10),
                RuntimeKind.LOCAL, List.of(cloud), List.of());
        assertThatThrownBy(() -> new LocalRuntime(LocalPlans.noJars(), true, false).deploy(plan, logs))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("machine cloud: app jar")
                .hasMessageContaining("no-such-dir/cloud-app.jar");
        assertThat(logs.resolve("cloud")).doesNotExist();
    }

    @Test
    void portClashFailsBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            ExperimentPlan plan = LocalPlans.pair(taken.getLocalPort(), 1_000_000, Duration.ZERO, 0, Resources.NONE);
            assertThatThrownBy(() -> new LocalRuntime(LocalPlans.noJars(), true, false).deploy(plan, logs))
                    .isInstanceOf(DeployException.class)
                    .hasMessageContaining("machine cloud: port " + taken.getLocalPort() + " is already in use");
            assertThat(logs.resolve("cloud")).doesNotExist();
        }
    }

    @Test
    void locateNamesEveryPathTried() {
        String saved = System.getProperty("acai.root");
        System.setProperty("acai.root", logs.toString());
        try {
            AppJars jars = AppJars.locate();
            assertThat(jars.missing()).isEmpty();
        } catch (IllegalStateException e) {
            assertThat(e.getMessage()).contains(logs.resolve(AppJars.CLOUD).toString());
        } finally {
            if (saved == null) {
                System.clearProperty("acai.root");
            } else {
                System.setProperty("acai.root", saved);
            }
        }
    }
}
