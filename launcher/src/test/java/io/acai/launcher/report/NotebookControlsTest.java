package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook finds a run's static controls in its {@code run.json}, draws each against its edge and marks it in
 * the per-edge table, executed headless on the fixture logs with a control (skipped without jupyter-nbconvert).
 */
class NotebookControlsTest {

    @Test
    void theNotebookReadsTheControlsOfRunJsonAndMarksThem(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        FixtureLogs.write(logs);
        FixtureLogs.addStaticControl(logs);

        String executed = NotebookRun.execute(dir, logs);

        assertThat(executed).contains("static controls: {'" + FixtureLogs.CONTROL + "': 'edge1'}")
                .contains("static_control_of");
    }
}
