package io.acai.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.launcher.local.PackagedJars;
import io.acai.options.TimeSpan;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.RetrainRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the project's default experiment, the top-level {@code user_config.json} unchanged, with the
 * launcher's main command (as the README's first command does), and checks what it is there to show:
 * the edges' accuracy dips when the drift starts and recovers as the cloud's retrained models arrive.
 * Then executes {@code analysis/results.ipynb} headless on its logs with {@code ACAI_STRICT=1}, so the
 * notebook can never drift from the CSV formats the apps write.
 *
 * <p>Accuracy is pooled over the edges, by frame index (each {@code edge_inf.csv} row is 10 frames in
 * order; the drift starts at frame {@code driftAfter x rate}): before the drift (after the first 30
 * frames), the first 30 s after it, and the last 30 s of the run. Measured here (2 cores, five runs):
 * 0.449, 0.13 to 0.17 and 0.33 to 0.39. Needs Linux and the app jars ({@code mvn verify} packages
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

        runNotebook(dir, logs);
    }

    /** Pooled accuracy of the edges in the three phases. */
    private record Phases(double before, double dip, double end, List<String> edges) {

        static Phases of(JsonNode config, Path logs) throws IOException {
            double[] before = new double[2];
            double[] dip = new double[2];
            double[] end = new double[2];
            List<String> edges = new ArrayList<>();
            for (JsonNode machine : config.get("machines")) {
                if (!"client".equals(machine.get("category").asText())) {
                    continue;
                }
                String name = machine.get("name").asText();
                JsonNode app = machine.get("app");
                double rate = app.get("rate").asDouble();
                long driftFrame = Math.round(TimeSpan.parse(app.get("driftAfter").asText()).toMillis() / 1000.0 * rate);
                int rows30s = (int) Math.round(30 * rate / WINDOW);
                List<InferenceRow> rows = InferenceRow.SCHEMA.readAll(InferenceRow.SCHEMA.in(logs.resolve(name)));
                int driftRow = (int) (driftFrame / WINDOW);
                assertThat(rows.size()).as(name + ": inference rows").isGreaterThan(driftRow + 3 * rows30s);
                add(before, rows.subList(3, driftRow));
                add(dip, rows.subList(driftRow, driftRow + rows30s));
                add(end, rows.subList(rows.size() - rows30s, rows.size()));
                edges.add(name + " v" + rows.stream().mapToInt(r -> Integer.parseInt(r.modelVersion())).max().orElse(0));
            }
            assertThat(edges).as("edges in user_config.json").isNotEmpty();
            return new Phases(before[0] / before[1], dip[0] / dip[1], end[0] / end[1], edges);
        }

        /** Adds frames judged right and frames (columns frames, accuracy) to {@code sums}. */
        private static void add(double[] sums, List<InferenceRow> rows) {
            for (InferenceRow row : rows) {
                sums[0] += row.frames() * row.accuracy();
                sums[1] += row.frames();
            }
        }
    }

    private static void runNotebook(Path dir, Path logs) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert")),
                "jupyter-nbconvert is not installed (apt-get install jupyter-nbconvert python3-ipykernel "
                        + "python3-pandas python3-matplotlib)");
        Path executed = dir.resolve("results-executed.ipynb");
        ProcessBuilder notebook = new ProcessBuilder("/usr/bin/jupyter-nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--output", executed.toString(),
                ROOT.resolve("analysis/results.ipynb").toString())
                .directory(ROOT.resolve("analysis").toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nbconvert.log").toFile());
        notebook.environment().put("ACAI_LOGS", logs.toAbsolutePath().toString());
        notebook.environment().put("ACAI_STRICT", "1");
        // Debian's kernel is /usr/bin/python3; keep a user's pyenv or virtualenv python off the path.
        notebook.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        Process process = notebook.start();
        boolean finished = process.waitFor(600, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = read(dir.resolve("nbconvert.log"));
        assertThat(finished).as("nbconvert finished within 600 s: " + output).isTrue();
        assertThat(process.exitValue()).as("nbconvert exit code: " + output).isZero();
        assertThat(executed).isNotEmptyFile();
        List<String> cells = Files.readAllLines(executed);
        assertThat(cells).as("the executed notebook holds no error output")
                .noneSatisfy(line -> assertThat(line).contains("\"output_type\": \"error\""));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
