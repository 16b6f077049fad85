package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.options.AllocatorEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machines' processes get glibc's allocator settings, and a value set in the launcher's environment wins. */
class MachineProcessEnvironmentTest {

    private static final List<String> PRINT_ENV = List.of("sh", "-c", "env | grep '^MALLOC_' | sort");

    @TempDir
    Path dir;

    private static Map<String, String> launcherEnvironmentWithout() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeAll(AllocatorEnvironment.DEFAULTS.keySet());
        return env;
    }

    private Map<String, String> allocatorVariablesSeenBy(Map<String, String> launcherEnvironment) throws Exception {
        TeardownLedger ledger = TeardownLedger.open(dir.resolve("ledgers"), "envtest");
        MachineProcess process = MachineProcess.start("edge1", PRINT_ENV, dir.resolve("edge1"), List.of(), ledger,
                launcherEnvironment);
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.alive());
        assertThat(process.exitCode()).hasValue(0);
        Map<String, String> seen = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("edge1").resolve(MachineProcess.LOG))) {
            int eq = line.indexOf('=');
            seen.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return seen;
    }

    @Test
    void theProcessGetsTheDefaultsWhenTheLauncherSetsNone() throws Exception {
        assertThat(allocatorVariablesSeenBy(launcherEnvironmentWithout()))
                .containsExactlyInAnyOrderEntriesOf(AllocatorEnvironment.DEFAULTS)
                .containsEntry("MALLOC_MMAP_THRESHOLD_", "33554432")
                .containsEntry("MALLOC_TRIM_THRESHOLD_", "1073741824")
                .containsEntry("MALLOC_TOP_PAD_", "268435456");
    }

    @Test
    void aValueSetInTheLaunchersEnvironmentWins() throws Exception {
        Map<String, String> launcher = launcherEnvironmentWithout();
        launcher.put("MALLOC_TOP_PAD_", "1048576");
        launcher.put("MALLOC_ARENA_MAX", "2");
        assertThat(allocatorVariablesSeenBy(launcher))
                .containsEntry("MALLOC_TOP_PAD_", "1048576")
                .containsEntry("MALLOC_MMAP_THRESHOLD_", "33554432")
                .containsEntry("MALLOC_MMAP_MAX_", "0")
                .containsEntry("MALLOC_TRIM_THRESHOLD_", "1073741824")
                .containsEntry("MALLOC_ARENA_MAX", "2")
                .hasSize(5);
    }

    @Test
    void aMachineDeployedOnLoopbackSeesThem() throws Exception {
        int port = FreePort.pick();
        MachinePlan edge = MachinePlan.builder().setName("edge1").setRole(Role.EDGE)
                .optCommand(List.of("sh", "-c", "env | grep '^MALLOC_' | sort; sleep 60")).build();
        ExperimentPlan plan = new ExperimentPlan("env", 1, Duration.ofMinutes(1), Duration.ofSeconds(10),
                RuntimeKind.LOCAL, List.of(LocalPlans.cloud(port, Resources.NONE), edge), List.of());
        Path logs = dir.resolve("logs");
        try (LocalDeployment deployment = (LocalDeployment) new LocalRuntime(LocalPlans.noJars(), true, false)
                .deploy(plan, logs)) {
            Map<String, String> expected = AllocatorEnvironment.forChild(System.getenv());
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(deployment.logTail("edge1", 10).lines())
                    .containsExactlyElementsOf(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .sorted().toList()));
            assertThat(deployment.states()).containsEntry("edge1", MachineState.RUNNING);
        }
    }

    @Test
    void theProcessKnowsItsMachineAsAPodDoes() throws Exception {
        TeardownLedger ledger = TeardownLedger.open(dir.resolve("ledgers"), "envtest");
        Map<String, String> launcher = new HashMap<>(System.getenv());
        launcher.put(MachineProcess.MACHINE_VARIABLE, "not-this-one");
        MachineProcess process = MachineProcess.start("edge-7", List.of("sh", "-c", "echo \"machine=$ACAI_MACHINE\""),
                dir.resolve("edge-7"), List.of(), ledger, launcher);
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.alive());
        assertThat(Files.readAllLines(dir.resolve("edge-7").resolve(MachineProcess.LOG))).containsExactly("machine=edge-7");
    }
}
