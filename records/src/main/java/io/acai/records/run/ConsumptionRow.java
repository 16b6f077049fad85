package io.acai.records.run;

import io.acai.records.csv.CsvSchema;
import io.acai.records.csv.NumberColumn;
import io.acai.records.csv.TextColumn;
import io.acai.records.csv.Unit;

/**
 * One line of {@code consumption.csv}: one machine at one sample, written by the launcher's run loop.
 *
 * @param time      epoch ms
 * @param machine   the machine's name
 * @param role      as written: the config's category {@code server} or {@code client} ({@code cloud} and
 *                  {@code edge} are read too), lower case
 * @param cpuCores  CPU used, in cores
 * @param memoryMib resident memory, MiB
 */
public record ConsumptionRow(double time, String machine, String role, double cpuCores, double memoryMib) {

    public static final NumberColumn TIME = NumberColumn.epochMillis("time").asRequired();
    public static final TextColumn MACHINE = TextColumn.text("machine").asRequired().nonBlank("a machine name");
    public static final TextColumn ROLE = TextColumn.text("role").asRequired().oneOf("cloud", "edge", "server", "client");
    public static final NumberColumn CPU_CORES = NumberColumn.decimal("cpu_cores", Unit.CORES, 3);
    public static final NumberColumn MEMORY_MIB = NumberColumn.decimal("memory_mib", Unit.MIB, 1);

    public static final CsvSchema<ConsumptionRow> SCHEMA = CsvSchema.<ConsumptionRow>file("consumption.csv")
            .number(TIME, ConsumptionRow::time)
            .text(MACHINE, ConsumptionRow::machine)
            .text(ROLE, ConsumptionRow::role)
            .number(CPU_CORES, ConsumptionRow::cpuCores)
            .number(MEMORY_MIB, ConsumptionRow::memoryMib)
            .reading(v -> new ConsumptionRow(v.get(TIME), v.get(MACHINE), v.get(ROLE), v.get(CPU_CORES),
                    v.get(MEMORY_MIB)));

    /** {@code cloud} or {@code edge}: the role, with {@code server} read as cloud and {@code client} as edge. */
    public String cloudOrEdge() {
        return switch (role) {
            case "server", "cloud" -> "cloud";
            default -> "edge";
        };
    }
}
