package io.acai.launcher.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.options.TokenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apps' tokens never reach a command line, which {@code ps} shows to every user of the host: each app that has
 * one gets it in its environment ({@code ACAI_TOKEN}), and one without gets none, whatever the launcher's own
 * environment holds.
 */
class TokenPassingTest {

    private static final String CLOUD_TOKEN = "cloud-s3cret-7f3a";
    private static final String ARGS_TOKEN = "args-s3cret-91bc";

    @TempDir
    Path dir;

    private ExperimentPlan plan() throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), """
                {"experiment": {"name": "tokens"},
                 "machines": [
                   {"name": "cloud", "category": "server", "app": {"token": "%1$s"}},
                   {"name": "edge-1", "category": "client", "app": {"token": "%1$s"}},
                   {"name": "edge-2", "category": "client",
                    "args": ["{}", "5000", "i.log", "u.log", "i.csv", "u.csv", "4", "edge-2", "--token", "%2$s"]},
                   {"name": "edge-3", "category": "client",
                    "args": ["{}", "5000", "i.log", "u.log", "i.csv", "u.csv", "4", "edge-3", "--token=%2$s"]},
                   {"name": "edge-1-static", "category": "client", "app": {"controlOf": "edge-1"}}
                 ]}
                """.formatted(CLOUD_TOKEN, ARGS_TOKEN));
        return UserConfigReader.read(config, RuntimeKind.LOCAL);
    }

    @Test
    void noCommandLineHoldsATokenAndEachAppFindsItsOwnInItsEnvironment() throws Exception {
        ExperimentPlan plan = plan();
        Map<String, String> launcher = Map.of(TokenOption.ENVIRONMENT_VARIABLE, "the-launchers-own", "PATH", "/bin");

        for (MachinePlan machine : plan.machines()) {
            List<String> command = MachineCommand.of(machine, LocalPlans.noJars(), machine.argsWithCloud("10.0.0.1"),
                    "10.0.0.1");
            assertThat(String.join(" ", command)).as(machine.name() + "'s command line")
                    .doesNotContain(CLOUD_TOKEN).doesNotContain(ARGS_TOKEN).doesNotContain("--token");
        }
        assertThat(MachineEnvironment.of(launcher, plan.cloud().token()))
                .containsEntry(TokenOption.ENVIRONMENT_VARIABLE, CLOUD_TOKEN).containsEntry("PATH", "/bin");
        assertThat(MachineEnvironment.of(launcher, plan.machine("edge-1").orElseThrow().token()))
                .containsEntry(TokenOption.ENVIRONMENT_VARIABLE, CLOUD_TOKEN);
        // a token given in args leaves them for the environment, the rest of the command line as given
        MachinePlan edge2 = plan.machine("edge-2").orElseThrow();
        assertThat(edge2.args()).containsExactly("{}", "5000", "i.log", "u.log", "i.csv", "u.csv", "4", "edge-2");
        assertThat(MachineEnvironment.of(launcher, edge2.token()))
                .containsEntry(TokenOption.ENVIRONMENT_VARIABLE, ARGS_TOKEN);
        assertThat(plan.machine("edge-3").orElseThrow().token()).isEqualTo(ARGS_TOKEN);
        MachinePlan control = plan.machine("edge-1-static").orElseThrow();
        assertThat(control.hasToken()).isFalse();
        assertThat(MachineEnvironment.of(launcher, control.token())).doesNotContainKey(TokenOption.ENVIRONMENT_VARIABLE);
    }

    @Test
    void psDoesNotShowTheTokenOfARunningMachineWhoseProgramReadsIt() throws Exception {
        TeardownLedger ledger = TeardownLedger.open(dir.resolve("ledgers"), "tokentest");
        Path workDir = dir.resolve("edge-1");
        MachineProcess process = MachineProcess.start("edge-1",
                List.of("sh", "-c", "printf 'seen %s\\n' \"$ACAI_TOKEN\"; exec sleep 60"), workDir, List.of(), ledger,
                CLOUD_TOKEN);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(workDir.resolve(MachineProcess.LOG))
                    .contains("seen " + CLOUD_TOKEN));
            await().atMost(Duration.ofSeconds(30)).until(() -> commandLine(process.pid()).contains("sleep"));
            assertThat(commandLine(process.pid())).doesNotContain(CLOUD_TOKEN);
            Process ps = new ProcessBuilder("ps", "-eo", "pid,args").redirectErrorStream(true).start();
            String listing = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ps.waitFor()).isZero();
            assertThat(listing).contains(Long.toString(process.pid())).doesNotContain(CLOUD_TOKEN);
        } finally {
            MachineProcess.stopAll(List.of(process));
        }
    }

    /** What {@code ps} shows of a process: its {@code /proc/<pid>/cmdline}, NULs as spaces. */
    private static String commandLine(long pid) throws Exception {
        return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                .replace('\0', ' ');
    }
}
