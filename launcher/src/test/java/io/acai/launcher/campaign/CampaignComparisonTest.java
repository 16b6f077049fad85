package io.acai.launcher.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.acai.launcher.compare.CompareCommand;
import io.acai.launcher.compare.ComparisonFiles;
import io.acai.launcher.local.AppJars;
import io.acai.launcher.local.FreePort;
import io.acai.launcher.local.LocalRuntime;
import io.acai.launcher.report.NotebookRun;
import io.acai.launcher.run.RunOptions;
import io.acai.records.campaign.CampaignRow;
import io.acai.records.campaign.SettingRow;
import io.acai.records.run.InferenceRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real campaign of 2 settings x 2 repeats of 3-second runs through the loopback runtime, with a camera that is a
 * shell program writing {@code edge_inf.csv} as the edge app does, at an accuracy of the swept argument plus a digit
 * of its process id (so that repeats differ): every run ends with a real {@code summary.csv}. Then
 * {@code compare} on the campaign folder, checked for content, and {@code analysis/campaign.ipynb} executed on it
 * in strict mode (skipped without jupyter-nbconvert).
 */
class CampaignComparisonTest {

    /** $1 is the swept accuracy, for example 0.6; the row's accuracy is 0.6 followed by the last digit of the pid. */
    private static final String CAMERA = "printf '" + String.join(",", InferenceRow.END_TIME.name(),
            InferenceRow.FRAMES.name(), InferenceRow.ACCURACY.name(), InferenceRow.MODEL_VERSION.name())
            + "\\n' > edge_inf.csv; while true; do echo \"$(date +%s%3N),10,$1$(( $$ % 10 )),1\""
            + " >> edge_inf.csv; sleep 0.3; done";

    @TempDir
    Path dir;

    @Test
    void comparesARealCampaignInCsvPageChartsAndTheNotebook() throws Exception {
        assumeThat(System.getProperty("os.name")).as("the local runtime runs on Linux").startsWith("Linux");
        Files.writeString(dir.resolve("base.json"), """
                {"experiment": {"name": "accuracy", "duration": "3s", "samplePeriod": "1s"},
                 "machines": [
                   {"name": "cloud", "category": "server", "port": %d, "command": ["sh", "-c", "echo cloud up; sleep 300"]},
                   {"name": "cam", "category": "client", "command": ["sh", "-c", "%s", "cam"], "args": [0.5]}],
                 "connections": [{"node1": "cloud", "node2": "cam", "bandwidth": "100mbps"}]}
                """.formatted(FreePort.pick(), CAMERA.replace("\\", "\\\\").replace("\"", "\\\"")));
        CampaignSpec spec = CampaignSpec.read(Files.writeString(dir.resolve("campaign.json"), """
                {"name": "accuracy", "base": "base.json", "repeats": 2, "seed": 3,
                 "parameters": [{"path": "machines[cam].args[0]", "values": [0.6, 0.9]}]}
                """));
        Path logs = dir.resolve("logs");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<SweepValidation.ValidRun> runs = SweepValidation.validate(spec,
                SweepExpansion.expand(spec, CampaignCommand.base(spec)), null);
        AppJars noJars = new AppJars(dir.resolve("no-cloud-app.jar"), dir.resolve("no-edge-app.jar"));

        int code = new CampaignRunner(spec, logs, runs, (plan, run) -> new LocalRuntime(noJars, false, false),
                new RunOptions(true, false, print, print), false, 1).run();

        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        out.reset();

        code = CompareCommand.run(List.of(logs), null, print, print);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).contains("compare: 4 runs in 2 settings");
        List<CampaignRow> rows = CampaignRow.SCHEMA.readAll(CampaignRow.SCHEMA.in(logs));
        assertThat(rows).extracting(CampaignRow::runId).containsOnly("args.0=0.6-r1", "args.0=0.6-r2",
                "args.0=0.9-r1", "args.0=0.9-r2");
        List<CampaignRow> accuracy = rows.stream()
                .filter(r -> r.machine().equals("cam") && r.metric().equals("accuracy_last_30s")).toList();
        assertThat(accuracy).hasSize(4).allSatisfy(r -> {
            assertThat(r.parameters()).isEqualTo("machines[cam].args[0]=" + (r.setting().endsWith("0.6") ? "0.6" : "0.9"));
            double low = r.setting().equals("args.0=0.6") ? 60 : 90;
            assertThat(r.value()).as(r.runId()).isBetween(low, low + 9.9);
            assertThat(r.seed()).isEqualTo(2 + r.repeat());
        });
        assertThat(rows).as("the cloud's consumption too").anySatisfy(r -> {
            assertThat(r.machine()).isEqualTo("cloud");
            assertThat(r.metric()).isEqualTo("cpu_seconds");
        });

        List<SettingRow> settings = SettingRow.SCHEMA.readAll(SettingRow.SCHEMA.in(logs)).stream()
                .filter(r -> r.metric().equals("accuracy_last_30s")).toList();
        assertThat(settings).extracting(SettingRow::setting).containsExactly("args.0=0.6", "args.0=0.9");
        assertThat(settings).allSatisfy(s -> {
            assertThat(s.runs()).isEqualTo(2);
            assertThat(s.ciLow()).isLessThanOrEqualTo(s.mean());
            assertThat(s.ciHigh()).isGreaterThanOrEqualTo(s.mean());
        });

        String page = Files.readString(logs.resolve(ComparisonFiles.PAGE));
        assertThat(page).contains("4 runs in 2 settings", "Sorted by accuracy_last_2min",
                "compare/accuracy_last_30s-by-args.0.png", "compare/accuracy_last_2min-by-args.0.png",
                "compare/accuracy-over-time.png")
                .containsPattern("<td>args.0=0.9</td><td>2</td><td>9\\d\\.\\d \\[[-\\d.,]+, [\\d.,]+\\] n=2</td>");
        assertThat(page.indexOf("<td>args.0=0.9</td>")).as("the better setting first")
                .isLessThan(page.indexOf("<td>args.0=0.6</td>"));
        for (String png : List.of("accuracy_last_30s-by-args.0.png", "accuracy-over-time.png")) {
            Path file = logs.resolve(ComparisonFiles.CHART_FOLDER).resolve(png);
            assertThat(Files.readAllBytes(file)).as(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.size(file)).as(png).isGreaterThan(10_000);
        }

        String executed = NotebookRun.execute(dir, "campaign.ipynb", "ACAI_CAMPAIGN", logs);

        assertThat(executed).contains("runs: 4, settings: 2", "0 differ",
                "swept parameters: ['machines[cam].args[0]']", "charts against parameters: 2",
                "settings drawn over time: 2", "done: 2 settings, 4 runs");
    }
}
