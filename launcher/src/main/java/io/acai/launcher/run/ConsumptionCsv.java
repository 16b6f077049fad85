package io.acai.launcher.run;

import io.acai.launcher.plan.MachineUsage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code <logs>/consumption.csv}: one row per machine and sample,
 * {@code time,machine,role,cpu_cores,memory_mib} (epoch milliseconds, the config's category
 * {@code server}/{@code client}, cores, MiB). The header is written when the file is new or empty;
 * rows are appended and flushed at every sample, so a cut-short run keeps what it measured.
 */
public final class ConsumptionCsv {

    public static final String FILE = "consumption.csv";
    public static final String HEADER = "time,machine,role,cpu_cores,memory_mib";

    private final Path file;

    public ConsumptionCsv(Path logsDir) {
        this.file = logsDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** Appends one row per usage (the header first if the file has none yet). */
    public void append(List<MachineUsage> usages) throws IOException {
        StringBuilder out = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            out.append(HEADER).append('\n');
        }
        for (MachineUsage usage : usages) {
            out.append(row(usage)).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String row(MachineUsage usage) {
        return String.format(Locale.ROOT, "%d,%s,%s,%.3f,%.1f", usage.time(), usage.machine(), usage.role().category(),
                usage.cpuCores(), usage.memoryMib());
    }
}
