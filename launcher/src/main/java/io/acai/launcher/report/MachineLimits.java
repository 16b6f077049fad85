package io.acai.launcher.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.acai.launcher.config.CpuQuantity;
import io.acai.launcher.config.MachineGroups;
import io.acai.launcher.config.MemoryQuantity;
import io.acai.launcher.metrics.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Each machine's CPU and memory limits ({@code resources.limits.cpu} and {@code .memory} of the config in
 * {@code run.json}), drawn as dashed lines on the usage charts as the original project's consumption plot did. A
 * machine without a limit is absent; a group of identical machines ({@code "count": N}) gives each member its limits.
 *
 * @param cpuCores  the CPU limit in cores, by machine
 * @param memoryMib the memory limit in MiB, by machine
 */
public record MachineLimits(Map<String, Double> cpuCores, Map<String, Double> memoryMib) {

    public static final MachineLimits NONE = new MachineLimits(Map.of(), Map.of());

    public MachineLimits {
        cpuCores = Map.copyOf(cpuCores);
        memoryMib = Map.copyOf(memoryMib);
    }

    public OptionalDouble cpuCores(String machine) {
        Double value = cpuCores.get(machine);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    public OptionalDouble memoryMib(String machine) {
        Double value = memoryMib.get(machine);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * The limits in {@code <logs>/run.json}'s {@code config}: none when the file is absent; a limit that cannot be
     * read is left out and noted.
     */
    static MachineLimits read(Path logsDir, ReportNotes notes) {
        Path file = logsDir.resolve(RunSettings.RUN_JSON);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(file.toFile()).path("config");
        } catch (IOException e) {
            return NONE;
        }
        List<String> problems = new ArrayList<>();
        MachineLimits limits = fromConfig(config, problems);
        problems.forEach(p -> notes.warning(RunSettings.RUN_JSON + ": " + p + "; its limit is not drawn"));
        return limits;
    }

    /**
     * The limits of a user config ({@code machines[].resources.limits}).
     *
     * @param problems receives one line per limit that cannot be read, naming the field and value
     */
    public static MachineLimits fromConfig(JsonNode config, List<String> problems) {
        Map<String, Double> cpu = new TreeMap<>();
        Map<String, Double> memory = new TreeMap<>();
        int index = 0;
        for (JsonNode machine : config.path("machines")) {
            String name = machine.path("name").asText(null);
            JsonNode limits = machine.path("resources").path("limits");
            String field = "config.machines[" + index++ + "].resources.limits.";
            if (name == null) {
                continue;
            }
            JsonNode cpuLimit = limits.path("cpu");
            if (cpuLimit.isValueNode() && !cpuLimit.isNull()) {
                try {
                    double cores = CpuQuantity.parseMillis(cpuLimit.asText()) / 1000.0;
                    members(machine, name).forEach(member -> cpu.put(member, cores));
                } catch (IllegalArgumentException e) {
                    problems.add(field + "cpu: \"" + cpuLimit.asText() + "\" " + e.getMessage());
                }
            }
            JsonNode memoryLimit = limits.path("memory");
            if (memoryLimit.isValueNode() && !memoryLimit.isNull()) {
                try {
                    double mib = MemoryQuantity.parseBytes(memoryLimit.asText()) / (double) (1L << 20);
                    members(machine, name).forEach(member -> memory.put(member, mib));
                } catch (IllegalArgumentException e) {
                    problems.add(field + "memory: \"" + memoryLimit.asText() + "\" " + e.getMessage());
                }
            }
        }
        return new MachineLimits(cpu, memory);
    }

    /** The machine's name, or for a group ({@code "count": N}) each of its members' names. */
    private static List<String> members(JsonNode machine, String name) {
        JsonNode count = machine.path(MachineGroups.FIELD);
        return count.canConvertToInt() && count.asInt() >= 1 ? MachineGroups.names(name, count.asInt()) : List.of(name);
    }
}
