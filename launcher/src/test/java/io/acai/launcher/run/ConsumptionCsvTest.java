package io.acai.launcher.run;

import io.acai.launcher.plan.MachineUsage;
import io.acai.launcher.plan.Role;
import io.acai.records.run.ConsumptionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumptionCsvTest {

    @Test
    void writesTheHeaderOnceAndAppendsOneRowPerMachineWithItsCategory(@TempDir Path logs) throws Exception {
        ConsumptionCsv csv = new ConsumptionCsv(logs);
        csv.append(List.of(new MachineUsage(1_700_000_000_000L, "cloud", Role.CLOUD, 0.8234, 1536.04),
                new MachineUsage(1_700_000_000_000L, "edge-near", Role.EDGE, 0.25, 300)));
        csv.append(List.of());
        csv.append(List.of(new MachineUsage(1_700_000_010_000L, "cloud", Role.CLOUD, 1, 1600.55)));

        assertThat(csv.file()).isEqualTo(logs.resolve("consumption.csv"));
        assertThat(ConsumptionRow.SCHEMA.readAll(csv.file())).containsExactly(
                new ConsumptionRow(1_700_000_000_000L, "cloud", "server", 0.823, 1536.0),
                new ConsumptionRow(1_700_000_000_000L, "edge-near", "client", 0.25, 300),
                new ConsumptionRow(1_700_000_010_000L, "cloud", "server", 1, 1600.6));
    }

    @Test
    void aFileWithoutRowsGetsItsHeader(@TempDir Path logs) throws Exception {
        ConsumptionCsv csv = new ConsumptionCsv(logs);
        Files.createFile(csv.file());
        csv.append(List.of(new MachineUsage(5, "e", Role.EDGE, 0, 0)));
        assertThat(ConsumptionRow.SCHEMA.readAll(csv.file())).containsExactly(new ConsumptionRow(5, "e", "client", 0, 0));
    }
}
