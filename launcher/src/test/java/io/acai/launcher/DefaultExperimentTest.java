package io.acai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.launcher.local.PackagedJars;
import io.acai.launcher.report.NotebookRun;
import io.acai.options.TimeSpan;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.RetrainRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the project's default experiment, the top-level {@code user_config.json} unchanged, with the
 * launcher's main command (as the README's first command does), and checks what it is there to show:
 * the edges' accuracy dips when the drift starts and recovers as the cloud's retrained models arrive.
 * Then executes {@code analysis/results.ipynb} headless on its logs with {@code ACAI_STRICT=1}, so the
 * notebook can never drift from the CSV formats the apps write.
 *
 * <p>Accuracy is pooled over the edges that learn (not the static controls), by frame index (each
 * {@code edge_inf.csv} row is 10 frames in order; the drift starts at frame {@code driftAfter x rate}):
 * before the drift (after the first 30 frames), the first 30 s after it, and the last 30 s of the run.
 * Measured here (2 cores, five runs): 0.449, 0.13 to 0.17 and 0.33 to 0.39. Each static control
 * ({@code app.controlOf}) sees its edge's frames with the starting model, so over the last 30 s it must stay
 * below the edge it controls: that gap is what the retraining bought. Needs Linux and the app jars ({@code mvn verify} packages
 * them before this module's tests); the notebook part needs Debian's jupyter-nbconvert with
 * python3-pandas and python3-matplotlib, which {@code .ci/run} installs. Each is skipped, saying which
 * is missing, elsewhere.
 */
class DefaultExperimentTest {

    private static final Path ROOT = Path.of(System.getProperty("acai.root", ".."));
    /** Frames per inference row in edge_inf.csv. */
    private static final int WINDOW = 10;

    @Test
    void defaultExperimentDipsAtTheDriftAndRecoversAndTheNotebookRunsOnItsLogs(@TempDir Path dir) throws Exception {
        PackagedJars.orSkip();
        Path config = ROOT.resolve("user_config.json");
        Path logs = dir.resolve("logs");

        int code = LauncherMain.execute(logs.toString(), config.toString(), "--quiet");

        assertThat(code).as("exit code of a clean run").isZero();
        assertThat(logs.resolve("report.html")).isNotEmptyFile();
        assertThat(RetrainRow.SCHEMA.readAll(logs.resolve("cloud/cloud.csv"))).as("cloud.csv: retrains").hasSizeGreaterThan(1);
        Phases phases = Phases.of(new ObjectMapper().readTree(config.toFile()), logs);
        System.out.printf(Locale.ROOT, "default experiment accuracy: before drift %.3f, first 30 s of drift %.3f, "
                + "last 30 s %.3f (%s)%n", phases.before, phases.dip, phases.end, phases.edges);
        assertThat(phases.dip).as("accuracy in the first 30 s of drift vs before it (%.3f)", phases.before)
                .isLessThan(phases.before - 0.10);
        assertThat(phases.end).as("accuracy in the last 30 s vs the first 30 s of drift (%.3f)", phases.dip)
                .isGreaterThan(phases.dip + 0.08);
        assertThat(phases.controls).as("static controls in user_config.json").isNotEmpty();
        phases.controls.forEach((control, target) -> {
            double controlEnd = phases.lastThirtySeconds.get(control);
            double targetEnd = phases.lastThirtySeconds.get(target);
            System.out.printf(Locale.ROOT, "last 30 s: %s %.3f, its static control %s %.3f%n", target, targetEnd,
                    control, controlEnd);
            assertThat(controlEnd).as("accuracy of static control %s in the last 30 s vs its edge %s (%.3f)", control,
                    target, targetEnd).isLessThan(targetEnd);
        });

        NotebookRun.execute(dir, logs);
    }

    /**
     * Pooled accuracy of the learning edges in the three phases; each edge's (controls' too) accuracy over the
     * last 30 s; and each static control mapped to the edge it controls.
     */
    private record Phases(double before, double dip, double end, List<String> edges,
                          Map<String, Double> lastThirtySeconds, Map<String, String> controls) {

        static Phases of(JsonNode config, Path logs) throws IOException {
            double[] before = new double[2];
            double[] dip = new double[2];
            double[] end = new double[2];
            List<String> edges = new ArrayList<>();
            Map<String, Double> lastThirtySeconds = new HashMap<>();
            Map<String, String> controls = new LinkedHashMap<>();
            Map<String, Double> rates = new HashMap<>();
            for (JsonNode machine : config.get("machines")) {
                if ("client".equals(machine.get("category").asText()) && !machine.path("app").has("controlOf")) {
                    rates.put(machine.get("name").asText(), machine.get("app").get("rate").asDouble());
                }
            }
            for (JsonNode machine : config.get("machines")) {
                if (!"client".equals(machine.get("category").asText())) {
                    continue;
                }
                String name = machine.get("name").asText();
                JsonNode app = machine.get("app");
                if (app.has("controlOf")) {
                    // a control takes its edge's rate; it is left out of the pooled phases
                    String target = app.get("controlOf").asText();
                    controls.put(name, target);
                    List<InferenceRow> rows = InferenceRow.SCHEMA.readAll(InferenceRow.SCHEMA.in(logs.resolve(name)));
                    int rows30s = (int) Math.round(30 * rates.get(target) / WINDOW);
                    assertThat(rows.size()).as(name + ": inference rows").isGreaterThan(rows30s);
                    lastThirtySeconds.put(name, accuracy(rows.subList(rows.size() - rows30s, rows.size())));
                    assertThat(rows).as(name + ": a static control never swaps its model")
                            .allSatisfy(r -> assertThat(r.modelVersion()).isEqualTo(rows.get(0).modelVersion()));
                    continue;
                }
                double rate = app.get("rate").asDouble();
                long driftFrame = Math.round(TimeSpan.parse(app.get("driftAfter").asText()).toMillis() / 1000.0 * rate);
                int rows30s = (int) Math.round(30 * rate / WINDOW);
                List<InferenceRow> rows = InferenceRow.SCHEMA.readAll(InferenceRow.SCHEMA.in(logs.resolve(name)));
                int driftRow = (int) (driftFrame / WINDOW);
                assertThat(rows.size()).as(name + ": inference rows").isGreaterThan(driftRow + 3 * rows30s);
                add(before, rows.subList(3, driftRow));
                add(dip, rows.subList(driftRow, driftRow + rows30s));
                add(end, rows.subList(rows.size() - rows30s, rows.size()));
                lastThirtySeconds.put(name, accuracy(rows.subList(rows.size() - rows30s, rows.size())));
                edges.add(name + " v" + rows.stream().mapToInt(r -> Integer.parseInt(r.modelVersion())).max().orElse(0));
            }
            assertThat(edges).as("edges in user_config.json").isNotEmpty();
            return new Phases(before[0] / before[1], dip[0] / dip[1], end[0] / end[1], edges, lastThirtySeconds,
                    controls);
        }

        /** Share of frames judged right in {@code rows}. */
        private static double accuracy(List<InferenceRow> rows) {
            double[] sums = new double[2];
            add(sums, rows);
            return sums[0] / sums[1];
        }

        /** Adds frames judged right and frames (columns frames, accuracy) to {@code sums}. */
        private static void add(double[] sums, List<InferenceRow> rows) {
            for (InferenceRow row : rows) {
                sums[0] += row.frames() * row.accuracy();
                sums[1] += row.frames();
            }
        }
    }
}
