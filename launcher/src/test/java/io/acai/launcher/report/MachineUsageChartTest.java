package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.ConsumptionRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class MachineUsageChartTest {

    private static final double T0 = 1_764_000_000_000.0;

    @TempDir
    Path logs;

    @Test
    void eachMachineWithALimitGetsADashedLineAtItsLimit() throws Exception {
        writeConsumption();
        Files.writeString(logs.resolve("run.json"), """
                {"config": {"machines": [
                  {"name": "cloud", "category": "server",
                   "resources": {"limits": {"cpu": "1800m", "memory": "2Gi"}}},
                  {"name": "edge-near", "category": "client",
                   "resources": {"limits": {"cpu": 0.5, "memory": "768Mi"}}},
                  {"name": "edge-free", "category": "client"}
                ]}}
                """);
        ExperimentLogs read = ExperimentLogs.load(logs);
        ExperimentClock clock = new ExperimentClock(T0);

        XYChart cpu = (XYChart) MachineUsageChart.CPU.draw(read, clock).orElseThrow();
        XYChart memory = (XYChart) MachineUsageChart.MEMORY.draw(read, clock).orElseThrow();

        assertThat(cpu.getSeriesMap()).containsKeys("cloud (cloud)", "cloud limit", "edge-near limit")
                .doesNotContainKey("edge-free limit");
        assertLevel(cpu.getSeriesMap().get("cloud limit"), 1.8, 0, 20);
        assertLevel(cpu.getSeriesMap().get("edge-near limit"), 0.5, 0, 20);
        assertLevel(memory.getSeriesMap().get("cloud limit"), 2048, 0, 20);
        assertLevel(memory.getSeriesMap().get("edge-near limit"), 768, 0, 20);
        assertThat(cpu.getSeriesMap().get("cloud limit").getLineStyle()).isEqualTo(ChartStyle.DASHED);
        assertThat(cpu.getSeriesMap().get("cloud limit").getLineColor()).isEqualTo(read.color("cloud"));
        assertThat(read.notes().warnings()).isEmpty();
    }

    @Test
    void withoutRunJsonNoLimitIsDrawn() throws Exception {
        writeConsumption();

        XYChart cpu = (XYChart) MachineUsageChart.CPU.draw(ExperimentLogs.load(logs), new ExperimentClock(T0))
                .orElseThrow();

        assertThat(cpu.getSeriesMap().keySet()).contains("cloud (cloud)", "edge-near (edge)", "edge-free (edge)")
                .noneMatch(name -> name.endsWith(" limit"));
    }

    @Test
    void aLimitThatCannotBeReadIsNotedWithItsFieldAndValue() throws Exception {
        writeConsumption();
        Files.writeString(logs.resolve("run.json"), """
                {"config": {"machines": [
                  {"name": "cloud", "resources": {"limits": {"cpu": "ten", "memory": "1Gi"}}}
                ]}}
                """);
        ExperimentLogs read = ExperimentLogs.load(logs);

        XYChart cpu = (XYChart) MachineUsageChart.CPU.draw(read, new ExperimentClock(T0)).orElseThrow();
        XYChart memory = (XYChart) MachineUsageChart.MEMORY.draw(read, new ExperimentClock(T0)).orElseThrow();

        assertThat(cpu.getSeriesMap()).doesNotContainKey("cloud limit");
        assertLevel(memory.getSeriesMap().get("cloud limit"), 1024, 0, 20);
        assertThat(read.notes().warnings()).anySatisfy(w -> assertThat(w)
                .contains("config.machines[0].resources.limits.cpu: \"ten\"").contains("not a CPU quantity"));
    }

    @Test
    void eachMemberOfAGroupHasTheGroupsLimits() throws Exception {
        MachineLimits limits = MachineLimits.fromConfig(new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"machines": [{"name": "cam", "category": "client", "count": 12,
                               "resources": {"limits": {"cpu": "250m", "memory": "256Mi"}}}]}
                """), new java.util.ArrayList<>());

        assertThat(limits.cpuCores()).hasSize(12).containsEntry("cam-00", 0.25).containsEntry("cam-11", 0.25);
        assertThat(limits.memoryMib()).hasSize(12).containsEntry("cam-05", 256.0);
    }

    private static void assertLevel(XYSeries series, double level, double fromS, double toS) {
        assertThat(series).as("limit series").isNotNull();
        assertThat(series.getYData()).containsOnly(level);
        assertThat(series.getXData()).containsExactly(fromS, toS);
    }

    private void writeConsumption() throws IOException {
        try (CsvRowWriter<ConsumptionRow> out = ConsumptionRow.SCHEMA.create(ConsumptionRow.SCHEMA.in(logs))) {
            for (int s = 0; s <= 20; s += 10) {
                out.write(new ConsumptionRow(T0 + s * 1000.0, "cloud", "server", 1.2, 900));
                out.write(new ConsumptionRow(T0 + s * 1000.0, "edge-near", "client", 0.3, 400));
                out.write(new ConsumptionRow(T0 + s * 1000.0, "edge-free", "client", 0.3, 400));
            }
        }
    }
}
