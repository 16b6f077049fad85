package io.acai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.local.PackagedJars;
import io.acai.launcher.metrics.RunSettings;
import io.acai.launcher.report.NotebookRun;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.SummaryRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the project's default experiment, the top-level {@code user_config.json} unchanged, with the
 * launcher's main command (as the README's first command does), and checks what it is there to show:
 * the edges' accuracy dips when the drift starts and recovers as the cloud's retrained models arrive.
 * Then executes {@code analysis/results.ipynb} headless on its logs with {@code ACAI_STRICT=1}, so the
 * notebook can never drift from the CSV formats the apps write.
 *
 * <p>The checks use the run's learning metrics ({@code summary.csv}, defined in docs/metrics.md), averaged over the
 * edges that are not static controls: accuracy before the drift, the dip (lowest 30 s rolling mean after it) and the
 * last 30 s of the run. Measured with {@code user_config.json} as shipped (the 256x256 model's stage 6, one epoch a
 * round on 20 or more new images, 200 anchors, lossless uploads, 2026-12-07, 2 cores, three runs of
 * {@code launcher run}, the machine otherwise idle): 94.0 % before the drift, dips of 43 to 44 %, 88 to 89 % over the
 * last 30 s, {@code edge-near} 59 to 61 points above its static control over the last 30 s and 54 to 55 over the last
 * 2 minutes, forgetting 1.7 to 5.0 points. The margins below (before the drift above 80 %, a dip at least 30 points
 * deep, the last 30 s at least 30 points above the dip, at least two edges back within 5 points of their level before
 * the drift, at least 38 points over the control over the last 30 s and 40 over the last 2 minutes, forgetting under 10
 * points) leave room for slower machines and fail when the retraining stops helping (edges that learn nothing stay at
 * their control's 28-29 %) or helps much less than it does now. Each static control
 * ({@code app.controlOf}) sees its edge's frames with the starting model, so its edge must beat it
 * ({@code gain_over_control_last_30s}, {@code _last_2min}): that gap is what the retraining bought. Needs Linux and the
 * app jars ({@code mvn verify} packages them before this module's tests); the notebook part needs Debian's
 * jupyter-nbconvert with python3-pandas and python3-matplotlib, which {@code .ci/run} installs. Each is skipped, saying
 * which is missing, elsewhere.
 */
class DefaultExperimentTest {

    private static final Path ROOT = Path.of(System.getProperty("acai.root", ".."));

    @Test
    void defaultExperimentDipsAtTheDriftAndRecoversAndTheNotebookRunsOnItsLogs(@TempDir Path dir) throws Exception {
        PackagedJars.orSkip();
        Path config = ROOT.resolve("user_config.json");
        Path logs = dir.resolve("logs");

        int code = LauncherMain.execute(logs.toString(), config.toString(), "--quiet");

        assertThat(code).as("exit code of a clean run").isZero();
        assertThat(logs.resolve("report.html")).isNotEmptyFile();
        assertThat(RetrainRow.SCHEMA.readAll(logs.resolve("cloud/cloud.csv"))).as("cloud.csv: retrains").hasSizeGreaterThan(1);
        RunSettings settings = RunSettings.readConfig(config);
        List<SummaryRow> summary = SummaryRow.SCHEMA.readAll(logs.resolve("summary.csv"));
        Phases phases = Phases.of(settings, summary);
        System.out.printf(Locale.ROOT, "default experiment accuracy: before drift %.1f%%, dip %.1f%%, "
                + "last 30 s %.1f%% (%s)%n", phases.before, phases.dip, phases.end, phases.edges);
        assertThat(phases.before).as("accuracy before the drift, %%").isGreaterThan(80);
        assertThat(phases.dip).as("lowest 30 s accuracy after the drift vs before it (%.1f%%)", phases.before)
                .isLessThan(phases.before - 30);
        assertThat(phases.end).as("accuracy in the last 30 s vs the dip (%.1f%%)", phases.dip)
                .isGreaterThan(phases.dip + 30);
        // issue 15's recovery target: back within 5 points of the edge's own level before the drift (time_to_recover
        // measured): all three edges in six runs of six with stage 6 (docs/default-model.md)
        List<String> recovered = phases.edges.stream()
                .filter(edge -> summary.stream().anyMatch(r -> r.machine().equals(edge)
                        && r.metric().equals("time_to_recover") && r.measured()))
                .toList();
        System.out.printf(Locale.ROOT, "back within 5 points of their level before the drift: %s of %s%n", recovered,
                phases.edges);
        assertThat(recovered).as("edges whose time_to_recover is measured, of %s", phases.edges)
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(settings.controlOf()).as("static controls in user_config.json").isNotEmpty();
        settings.controlOf().forEach((control, target) -> {
            SummaryRow gain = metric(summary, target, "gain_over_control_last_30s");
            System.out.printf(Locale.ROOT, "last 30 s: %s beats its static control %s by %.1f points%n", target,
                    control, gain.value());
            assertThat(gain.value()).as("%s over its static control %s in the last 30 s, points", target, control)
                    .isGreaterThan(38);
            // issue 15's target is 25 points over the last 2 minutes; 54.0-55.3 measured in three runs
            // (docs/default-model.md)
            SummaryRow longGain = metric(summary, target, "gain_over_control_last_2min");
            System.out.printf(Locale.ROOT, "last 2 min: %s beats its static control %s by %.1f points%n", target,
                    control, longGain.value());
            assertThat(longGain.value()).as("%s over its static control %s in the last 2 minutes, points", target,
                    control).isGreaterThan(40);
            assertThat(metric(summary, control, "model_versions").value())
                    .as("models served by static control %s", control).isEqualTo(1);
        });

        // 1.7-5.0 points in three runs as shipped (10.0 once with 150 anchors); 3.3-8.3 at 192x192, 13-22 with the
        // model before
        // (docs/default-model.md)
        SummaryRow forgetting = metric(summary, "cloud", "forgetting");
        System.out.printf(Locale.ROOT, "cloud forgetting: %.1f points (%s)%n", forgetting.value(), forgetting.note());
        assertThat(forgetting.value()).as("cloud forgetting on held-out pre-drift frames, points (%s)", forgetting.note())
                .isLessThan(10);

        NotebookRun.execute(dir, logs);
    }

    private static SummaryRow metric(List<SummaryRow> summary, String machine, String metric) {
        return summary.stream().filter(r -> r.machine().equals(machine) && r.metric().equals(metric)).findFirst()
                .filter(SummaryRow::measured)
                .orElseThrow(() -> new AssertionError(metric + " of " + machine + " not in summary.csv, or not measured"));
    }

    /** The edges' learning metrics (summary.csv, docs/metrics.md) averaged over the edges that are not controls. */
    private record Phases(double before, double dip, double end, List<String> edges) {

        static Phases of(RunSettings settings, List<SummaryRow> summary) {
            List<String> edges = summary.stream().map(SummaryRow::machine).distinct()
                    .filter(m -> settings.drift(m).known() && !settings.isControl(m)).toList();
            assertThat(edges).as("edges with a drift in user_config.json").isNotEmpty();
            return new Phases(mean(summary, edges, "accuracy_before_drift"), mean(summary, edges, "accuracy_dip"),
                    mean(summary, edges, "accuracy_last_30s"), edges);
        }

        private static double mean(List<SummaryRow> summary, List<String> edges, String metric) {
            List<SummaryRow> rows = summary.stream().filter(r -> edges.contains(r.machine()) && r.metric().equals(metric))
                    .toList();
            assertThat(rows).as(metric + " of " + edges).hasSameSizeAs(edges).allMatch(SummaryRow::measured);
            return rows.stream().mapToDouble(SummaryRow::value).average().orElseThrow();
        }
    }
}
