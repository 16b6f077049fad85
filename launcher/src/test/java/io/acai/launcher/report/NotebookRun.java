package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Executes {@code analysis/results.ipynb} (or {@code campaign.ipynb}) headless on a logs folder with
 * {@code ACAI_STRICT=1}, as CI does, and checks it ran without an error. Skips the calling test when Debian's {@code jupyter-nbconvert} is absent.
 */
public final class NotebookRun {

    private static final Path ROOT = Path.of(System.getProperty("acai.root", ".."));

    private NotebookRun() {
    }

    /** Runs the notebook on {@code logs}, its outputs in {@code dir}; returns the executed notebook's text. */
    public static String execute(Path dir, Path logs) throws IOException, InterruptedException {
        return execute(dir, "results.ipynb", "ACAI_LOGS", logs);
    }

    /**
     * Runs {@code analysis/<file>} with the environment variable {@code variable} naming {@code folder}, its outputs
     * in {@code dir}; returns the executed notebook's text.
     */
    public static String execute(Path dir, String file, String variable, Path folder)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jupyter-nbconvert")),
                "jupyter-nbconvert is not installed (apt-get install jupyter-nbconvert python3-ipykernel "
                        + "python3-pandas python3-matplotlib)");
        Path executed = dir.resolve(file.replace(".ipynb", "-executed.ipynb"));
        Path log = dir.resolve("nbconvert.log");
        ProcessBuilder notebook = new ProcessBuilder("/usr/bin/jupyter-nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=300", "--output", executed.toAbsolutePath().toString(),
                ROOT.resolve("analysis").resolve(file).toAbsolutePath().toString())
                .directory(ROOT.resolve("analysis").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        notebook.environment().put(variable, folder.toAbsolutePath().toString());
        notebook.environment().put("ACAI_STRICT", "1");
        // Debian's kernel is /usr/bin/python3; keep a user's pyenv or virtualenv python off the path.
        notebook.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        // and Debian's packages only: a pip-installed matplotlib in ~/.local may need a newer numpy than Debian's
        notebook.environment().put("PYTHONNOUSERSITE", "1");
        Process process = notebook.start();
        boolean finished = process.waitFor(600, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        assertThat(finished).as("nbconvert finished within 600 s: " + output).isTrue();
        assertThat(process.exitValue()).as("nbconvert exit code: " + output).isZero();
        assertThat(executed).isNotEmptyFile();
        List<String> lines = Files.readAllLines(executed);
        assertThat(lines).as("the executed notebook holds no error output")
                .noneSatisfy(line -> assertThat(line).contains("\"output_type\": \"error\""));
        return String.join("\n", lines);
    }
}
