package io.acai.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.records.run.SummaryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryFilesTest {

    private static final EdgeDrift AT_40_S = EdgeDrift.after(Duration.ofSeconds(40), 1);

    @TempDir
    Path dir;

    private RunMetrics metrics() throws Exception {
        RunRecords records = new HandMadeRun(dir.resolve("in"))
                .edge("edge", 0.8, 0.8, 0.6, 0.6, 0.2, 0.3, 0.1, 0.2, 0.5, 0.6, 0.7, 0.7)
                .edge("static", 0.8, 0.8, 0.6, 0.6, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2)
                .cloud("cloud", List.of(), null)
                .sample(0, "cloud", "server", 1, 500).sample(10, "cloud", "server", 1, 512.5)
                .records();
        return RunMetrics.of(records, new RunSettings(Map.of("edge", AT_40_S, "static", AT_40_S),
                Map.of("static", "edge"), ""));
    }

    @Test
    void theCsvHasOneRowPerMachineAndMetricWithUnitAndNote() throws Exception {
        SummaryFiles.write(dir, metrics());

        List<SummaryRow> rows = SummaryRow.SCHEMA.readAll(dir.resolve("summary.csv"));
        assertThat(rows).extracting(SummaryRow::machine).containsOnly("cloud", "edge", "static");
        assertThat(rows).filteredOn(r -> r.machine().equals("edge")).extracting(SummaryRow::metric)
                .containsExactlyElementsOf(Metric.EDGE.stream().map(Metric::key).toList());
        assertThat(rows).filteredOn(r -> r.machine().equals("cloud")).extracting(SummaryRow::metric)
                .containsExactly("retrains", "forgetting", "cpu_seconds", "peak_memory");
        assertThat(rows).contains(
                new SummaryRow("edge", "accuracy_before_drift", 70, "%", ""),
                new SummaryRow("edge", "time_to_recover", 80, "s", ""),
                new SummaryRow("edge", "gain_over_control_last_30s", 46.667, "points", "over static"),
                new SummaryRow("cloud", "cpu_seconds", 20, "CPU-s", ""),
                new SummaryRow("cloud", "peak_memory", 512.5, "MiB", ""));
        SummaryRow notRecovered = rows.stream()
                .filter(r -> r.machine().equals("static") && r.metric().equals("time_to_recover")).findFirst()
                .orElseThrow();
        assertThat(notRecovered.measured()).isFalse();
        assertThat(notRecovered.note()).isEqualTo("not recovered");
        assertThat(Files.readAllLines(dir.resolve("summary.csv")))
                .first().isEqualTo("machine,metric,value,unit,note");
        assertThat(Files.readAllLines(dir.resolve("summary.csv")))
                .contains("static,time_to_recover,,s,not recovered");
    }

    @Test
    void theJsonHoldsValuesByMachineNullsForMissingOnesAndTheirNotes() throws Exception {
        SummaryFiles.write(dir, metrics());

        JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertThat(json.get("definitions").asText()).isEqualTo("docs/metrics.md");
        assertThat(json.at("/machines/edge/accuracy_dip").asDouble()).isEqualTo(20);
        assertThat(json.at("/machines/edge/gain_over_control_after_drift").asDouble()).isEqualTo(21.25);
        assertThat(json.at("/machines/static/time_to_recover").isNull()).isTrue();
        assertThat(json.at("/notes/static/time_to_recover").asText()).isEqualTo("not recovered");
        assertThat(json.at("/notes/cloud/forgetting").asText()).isEqualTo("not measured: no holdout.csv");
        assertThat(json.at("/units/gain_over_control_last_30s").asText()).isEqualTo("points");
        assertThat(json.at("/roles/cloud").asText()).isEqualTo("cloud");
        assertThat(json.at("/controlOf/static").asText()).isEqualTo("edge");
        assertThat(json.get("machines").fieldNames()).toIterable().containsExactly("cloud", "edge", "static");
    }

    @Test
    void theHeadlineHasALinePerEdgeAndCloud() throws Exception {
        List<String> lines = HeadlineMetrics.lines(metrics());

        assertThat(lines).containsExactly(
                "cloud: 0 retrains",
                "edge: before drift 70.0%, dip 20.0%, recovered after 80 s, last 30 s 66.7%, +46.7 points over static"
                        + " in the last 30 s, last 2 min 50.8%, +14.2 points in the last 2 min",
                "static: before drift 70.0%, dip 20.0%, not recovered, last 30 s 20.0%, last 2 min 36.7%");
    }
}
