package io.acai.launcher.campaign;

import io.acai.launcher.local.AppJars;
import io.acai.launcher.local.FreePort;
import io.acai.launcher.local.LocalRuntime;
import io.acai.launcher.run.RunDescription;
import io.acai.launcher.run.RunOptions;
import io.acai.launcher.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A real campaign of 2 settings x 2 repeats of 2-second runs through the loopback runtime, with
 * machines that run shell commands instead of the apps (as ExperimentRunnerTest does): one setting's
 * camera crashes, so its runs fail and the campaign goes on; then a rerun after an "interruption"
 * skips the completed runs and redoes the partial one.
 */
class CampaignRunnerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private CampaignSpec campaign() throws Exception {
        Files.writeString(dir.resolve("base.json"), """
                {"experiment": {"name": "short", "duration": "2s", "samplePeriod": "1s"},
                 "machines": [
                   {"name": "cloud", "category": "server", "port": %d, "command": ["sh", "-c", "echo cloud up; sleep 300"]},
                   {"name": "cam", "category": "client", "command": ["sh", "-c", "sleep 300"]}],
                 "connections": [{"node1": "cloud", "node2": "cam", "bandwidth": "100mbps"}]}
                """.formatted(FreePort.pick()));
        return CampaignSpec.read(Files.writeString(dir.resolve("campaign.json"), """
                {"name": "crashes", "base": "base.json", "combine": "zip", "repeats": 2, "seed": 5,
                 "parameters": [{"path": "connections[cam~cloud].bandwidth", "values": ["8mbps", "16mbps"]},
                                {"path": "machines[cam].command[2]", "values": ["sleep 300", "echo camera lost; exit 3"]}]}
                """));
    }

    private int runCampaign(CampaignSpec spec, Path logs) throws Exception {
        List<SweepValidation.ValidRun> runs = SweepValidation.validate(spec,
                SweepExpansion.expand(spec, CampaignCommand.base(spec)), null);
        AppJars noJars = new AppJars(dir.resolve("no-cloud-app.jar"), dir.resolve("no-edge-app.jar"));
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        RunOptions options = new RunOptions(true, false, print, print);
        return new CampaignRunner(spec, logs, runs, (plan, run) -> new LocalRuntime(noJars, false, false), options, false, 1)
                .run();
    }

    private static List<String> folders(Path logs) throws Exception {
        try (Stream<Path> entries = Files.list(logs)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runsEverySettingAndRepeatRecordsFailuresAndResumesAfterAnInterruption() throws Exception {
        assumeThat(System.getProperty("os.name")).as("the local runtime runs on Linux").startsWith("Linux");
        CampaignSpec spec = campaign();
        Path logs = dir.resolve("logs");
        String ok1 = "bandwidth=8mbps,command.2=sleep_300-r1";
        String ok2 = "bandwidth=8mbps,command.2=sleep_300-r2";
        String crash1 = "bandwidth=16mbps,command.2=echo_camera_lost__exit_3-r1";
        String crash2 = "bandwidth=16mbps,command.2=echo_camera_lost__exit_3-r2";

        int code = runCampaign(spec, logs);

        String first = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(first).isEqualTo(CampaignRunner.SOME_FAILED);
        assertThat(folders(logs)).containsExactlyInAnyOrder(ok1, ok2, crash1, crash2);
        assertThat(first).contains("run 1/4 " + ok1, "run 4/4 " + crash2, "failed with exit code 3", "the campaign goes on",
                "4 runs done now, 0 completed earlier, 0 left, of 4", "failed runs: " + crash1 + " (exit code 3), " + crash2);
        Map<String, RunDescription> described = Stream.of(ok1, ok2, crash1, crash2)
                .collect(Collectors.toMap(id -> id, id -> read(logs.resolve(id))));
        RunDescription second = described.get(ok2);
        assertThat(second.isCompleted()).isTrue();
        assertThat(second.exitCode()).isZero();
        assertThat(second.campaign()).isEqualTo("crashes");
        assertThat(second.repeat()).isEqualTo(2);
        assertThat(second.seed()).as("seed 5 for repeat 1, 6 for repeat 2").isEqualTo(6L);
        assertThat(second.projectVersion()).isNotBlank();
        assertThat(second.configFile()).isEqualTo(dir.resolve("base.json").toAbsolutePath().normalize().toString());
        assertThat(second.parameters()).containsOnlyKeys("connections[cam~cloud].bandwidth", "machines[cam].command[2]");
        assertThat(second.parameters().get("connections[cam~cloud].bandwidth").asText()).isEqualTo("8mbps");
        assertThat(second.config().at("/connections/0/bandwidth").asText()).isEqualTo("8mbps");
        assertThat(second.config().at("/experiment/seed").asLong()).isEqualTo(6L);
        assertThat(described.get(crash1).exitCode()).isEqualTo(RunResult.MACHINE_EXITED);
        assertThat(described.get(crash1).config().at("/connections/0/bandwidth").asText()).isEqualTo("16mbps");
        assertThat(logs.resolve(ok1).resolve("consumption.csv")).as("the run loop sampled the run").isRegularFile();

        // an interruption in the middle of ok2: its run.json says it started, not that it completed
        RunDescription partial = new RunDescription(second.projectVersion(), second.startedAt(), second.configFile(),
                second.config(), second.parameters(), second.labels(), second.seed(), second.repeat(), second.campaign(), null, null);
        partial.write(logs.resolve(ok2));
        out.reset();

        code = runCampaign(spec, logs);

        String rerun = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(rerun).isEqualTo(CampaignRunner.SOME_FAILED);
        assertThat(rerun).contains("run 1/4 " + ok1 + ": completed earlier (exit code 0), skipped",
                "run 2/4 " + crash1 + ": completed earlier (exit code 3), skipped", "an interrupted attempt was moved to",
                "1 run done now, 3 completed earlier, 0 left, of 4");
        List<String> now = folders(logs);
        assertThat(now).hasSize(5).contains(ok1, ok2, crash1, crash2)
                .anySatisfy(name -> assertThat(name).startsWith(ok2 + RunFolder.PARTIAL));
        Path movedAside = logs.resolve(now.stream().filter(n -> n.startsWith(ok2 + RunFolder.PARTIAL)).findFirst().orElseThrow());
        assertThat(read(movedAside).isCompleted()).isFalse();
        RunDescription redone = read(logs.resolve(ok2));
        assertThat(redone.isCompleted()).isTrue();
        assertThat(redone.startedAt()).isGreaterThan(second.startedAt());
        assertThat(read(logs.resolve(ok1)).completedAt()).as("skipped, not run again").isEqualTo(described.get(ok1).completedAt());
    }

    private static RunDescription read(Path folder) {
        try {
            return RunDescription.read(folder);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
