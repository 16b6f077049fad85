package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Above 10 edges the notebook draws each group of edges as its spread, as the report's main page does: executed
 * headless on the logs of a group of 30 edges and a static control ({@link FleetLogs}; skipped without
 * jupyter-nbconvert).
 */
class NotebookFleetTest {

    @Test
    void aGroupOfThirtyEdgesIsDrawnAsItsSpread(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        FleetLogs.write(logs, 30);

        String executed = NotebookRun.execute(dir, logs);

        // printed by the notebook (its source builds the line from parts): the groups, drawn as spreads
        assertThat(executed).contains("31 edges: the spread of each group: edge (30), static controls (1)");
        assertThat(executed).as("the groups' table: each figure's median, lowest and highest edge (a DataFrame's text)")
                .containsPattern("group +edges +value +median +lowest +highest")
                .containsPattern("static controls +1 +accuracy_%");
    }
}
