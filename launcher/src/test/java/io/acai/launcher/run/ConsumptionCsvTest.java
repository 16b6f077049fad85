package io.acai.launcher.run;

import io.acai.launcher.plan.MachineUsage;
import io.acai.launcher.plan.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumptionCsvTest {

    @Test
    void writesTheHeaderOnceAndAppendsOneRowPerMachine(@TempDir Path logs) throws Exception {
        ConsumptionCsv csv = new ConsumptionCsv(logs);
        csv.append(List.of(new MachineUsage(1_700_000_000_000L, "cloud", Role.CLOUD, 0.8234, 1536.04),
                new MachineUsage(1_700_000_000_000L, "edge-near", Role.EDGE, 0.25, 300)));
        csv.append(List.of());
        csv.append(List.of(new MachineUsage(1_700_000_010_000L, "cloud", Role.CLOUD, 1, 1600.55)));

        assertThat(Files.readAllLines(logs.resolve("consumption.csv"))).containsExactly(
                "time,machine,role,cpu_cores,memory_mib",
                "1700000000000,cloud,server,0.823,1536.0",
                "1700000000000,edge-near,client,0.250,300.0",
                "1700000010000,cloud,server,1.000,1600.6");
    }

    @Test
    void aFileWithoutRowsGetsItsHeader(@TempDir Path logs) throws Exception {
        Files.createFile(logs.resolve(ConsumptionCsv.FILE));
        new ConsumptionCsv(logs).append(List.of(new MachineUsage(5, "e", Role.EDGE, 0, 0)));
        assertThat(Files.readAllLines(logs.resolve(ConsumptionCsv.FILE))).containsExactly(ConsumptionCsv.HEADER,
                "5,e,client,0.000,0.0");
    }
}
