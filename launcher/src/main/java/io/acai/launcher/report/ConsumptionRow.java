package io.acai.launcher.report;

import java.util.List;
import java.util.Locale;

/**
 * One line of {@code consumption.csv}: one machine at one sample.
 *
 * @param time       epoch ms
 * @param role       {@code cloud} or {@code edge} ({@code server}/{@code client} are read as these)
 * @param cpuCores   CPU used, in cores
 * @param memoryMib  resident memory, MiB
 */
public record ConsumptionRow(double time, String machine, String role, double cpuCores, double memoryMib) {

    public static final RowParser<ConsumptionRow> PARSER = new RowParser<>() {
        @Override
        public List<String> columns() {
            return List.of("time", "machine", "role", "cpu_cores", "memory_mib");
        }

        @Override
        public ConsumptionRow parse(CsvRecord r) {
            String machine = r.text("machine");
            if (machine.isEmpty()) {
                throw new CsvFieldException("machine", "", "expected: a machine name");
            }
            return new ConsumptionRow(r.epochMillis("time"), machine, role(r.text("role")), r.number("cpu_cores"),
                    r.number("memory_mib"));
        }
    };

    static String role(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "server", "cloud" -> "cloud";
            case "client", "edge" -> "edge";
            default -> throw new CsvFieldException("role", value, "expected: cloud, edge, server or client");
        };
    }
}
