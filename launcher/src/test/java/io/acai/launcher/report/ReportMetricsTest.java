package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.metrics.RunSettings;
import io.acai.records.run.SummaryRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} and the end of a run write the learning metrics: the fixture's edges run at 5 frames/s, one row of
 * 10 frames every 2 s, edge1 drifting at frame 290 (58 s) and edge2 at frame 490 (98 s).
 */
class ReportMetricsTest {

    private static final String RUN_JSON = """
            {"projectVersion": "test", "config": {"machines": [
              {"name": "cloud", "category": "server"},
              {"name": "edge1", "category": "client", "app": {"rate": 5, "driftAfter": "58s"}},
              {"name": "edge2", "category": "client", "app": {"rate": 5, "driftAfter": "98s"}}]}}""";

    @TempDir
    Path logs;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void reportWritesTheSummaryFilesWithTheDriftOfRunJsonAndShowsThemInTheReport() throws Exception {
        FixtureLogs.write(logs);
        Files.writeString(logs.resolve("run.json"), RUN_JSON);

        assertThat(ReportCommand.run(logs, new PrintStream(out), new PrintStream(err))).isZero();

        List<SummaryRow> rows = SummaryRow.SCHEMA.readAll(logs.resolve("summary.csv"));
        // before the drift the fixture judges 90 % right, after it 40 % until the first new model
        assertThat(value(rows, "edge1", "accuracy_before_drift")).isBetween(80.0, 100.0);
        assertThat(value(rows, "edge1", "accuracy_dip")).isBetween(25.0, 55.0);
        assertThat(value(rows, "edge2", "accuracy_dip")).isBetween(25.0, 55.0);
        assertThat(value(rows, "edge1", "update_latency_median")).isBetween(20.0, 40.0);
        assertThat(value(rows, "edge1", "bytes_up")).isEqualTo(412_730 + 391_208);
        assertThat(value(rows, "cloud", "retrains")).isEqualTo(3);
        assertThat(Files.readString(logs.resolve("summary.json"))).contains("\"edge2\"", "\"accuracy_dip\"");
        assertThat(Files.readString(logs.resolve("report.html"))).contains("<h3>Learning metrics</h3>",
                "<td>accuracy before drift</td>", "<th>edge1</th>", "not measured: no control");
        assertThat(out.toString()).contains("summary: wrote " + logs.resolve("summary.csv"))
                .contains("  edge1: before drift ");
    }

    @Test
    void withoutRunJsonTheDriftMetricsSayWhyTheyAreMissing() throws Exception {
        FixtureLogs.write(logs);

        assertThat(ReportCommand.summarize(logs, RunSettings.read(logs), new PrintStream(out), new PrintStream(err)))
                .isZero();

        List<SummaryRow> rows = SummaryRow.SCHEMA.readAll(logs.resolve("summary.csv"));
        SummaryRow dip = rows.stream().filter(r -> r.machine().equals("edge1") && r.metric().equals("accuracy_dip"))
                .findFirst().orElseThrow();
        assertThat(dip.note()).isEqualTo("not measured: drift onset unknown (no run.json in the logs folder)");
        assertThat(value(rows, "edge1", "accuracy_last_30s")).isBetween(60.0, 100.0);
        assertThat(logs.resolve("report.html")).doesNotExist();
    }

    @Test
    void aFolderWithoutLogsWritesNoSummary() {
        assertThat(ReportCommand.summarize(logs, RunSettings.read(logs), new PrintStream(out), new PrintStream(err)))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("summary: logs folder ").contains("holds no experiment logs");
        assertThat(logs.resolve("summary.csv")).doesNotExist();
    }

    private static double value(List<SummaryRow> rows, String machine, String metric) {
        return rows.stream().filter(r -> r.machine().equals(machine) && r.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError(machine + " " + metric + " not in " + rows))
                .value();
    }
}
