package io.acai.launcher.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.acai.launcher.LauncherMain;
import io.acai.launcher.local.AppJars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a short real experiment with the launcher's main command (one cloud, one edge, the shipped
 * default model, the drift scenario from the first frame, a small upload threshold so that one
 * model update happens) and then executes {@code analysis/results.ipynb} headless on its logs with
 * {@code ACAI_STRICT=1}, so the notebook can never drift from the CSV formats the apps write.
 * Needs Linux and the app jars ({@code mvn verify} packages them before this module's tests); the
 * notebook part needs Debian's jupyter-nbconvert with python3-pandas and python3-matplotlib, which
 * {@code .ci/run} installs. Each is skipped, saying which is missing, elsewhere.
 */
class NotebookOnRealRunTest {

    private static final Path ROOT = Path.of(System.getProperty("acai.root", ".."));

    @Test
    void notebookRunsOnTheLogsOfAShortRealRun(@TempDir Path dir) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the local runtime runs on Linux");
        try {
            AppJars.locate();
        } catch (IllegalStateException e) {
            assumeTrue(false, e.getMessage());
        }
        Path config = Files.writeString(dir.resolve("notebook-run.json"), """
                {"experiment": {"name": "notebook", "duration": "100s", "samplePeriod": "5s", "model": "default"},
                 "machines": [
                   {"name": "cloud", "category": "server", "port": 47620,
                    "resources": {"limits": {"cpu": "1", "memory": "3Gi"}},
                    "app": {"minRetrainImages": 0, "epochs": 1, "batch": 4}},
                   {"name": "cam", "category": "client", "resources": {"limits": {"cpu": "1", "memory": "1Gi"}},
                    "app": {"rate": 4, "threads": 1, "scenario": "drift", "driftAfter": "0s", "uploadThreshold": 6}}],
                 "connections": [{"node1": "cloud", "node2": "cam", "bandwidth": "20mbps", "latency": "10ms"}]}
                """);
        Path logs = dir.resolve("logs");

        int code = LauncherMain.execute(logs.toString(), config.toString(), "--quiet");

        assertThat(code).as("exit code of a clean run").isZero();
        assertThat(Files.readAllLines(logs.resolve("cam/edge_update.csv")))
                .as("edge_update.csv: header and at least one model update").hasSizeGreaterThan(1);
        assertThat(Files.readAllLines(logs.resolve("cloud/cloud.csv"))).as("cloud.csv: a retrain").hasSizeGreaterThan(1);
        assertThat(logs.resolve("report.html")).isNotEmptyFile();

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
