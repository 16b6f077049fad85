package io.acai.launcher.run;

import io.acai.launcher.plan.MachineUsage;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.ConsumptionRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code <logs>/consumption.csv} ({@link ConsumptionRow}): one row per machine and sample, the role written as the
 * config's category {@code server}/{@code client}. The header is written when the file is new or empty; rows are
 * appended and flushed at every sample, so a cut-short run keeps what it measured.
 */
public final class ConsumptionCsv {

    private final Path file;

    public ConsumptionCsv(Path logsDir) {
        this.file = ConsumptionRow.SCHEMA.in(logsDir);
    }

    public Path file() {
        return file;
    }

    /** Appends one row per usage (the header first if the file has none yet). */
    public void append(List<MachineUsage> usages) throws IOException {
        try (CsvRowWriter<ConsumptionRow> out = ConsumptionRow.SCHEMA.append(file)) {
            for (MachineUsage usage : usages) {
                out.write(row(usage));
            }
        }
    }

    static ConsumptionRow row(MachineUsage usage) {
        return new ConsumptionRow(usage.time(), usage.machine(), usage.role().category(), usage.cpuCores(),
                usage.memoryMib());
    }
}
