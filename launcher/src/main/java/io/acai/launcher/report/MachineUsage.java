package io.acai.launcher.report;

import io.acai.records.run.ConsumptionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The consumption samples of one machine, in time order. */
public record MachineUsage(String machine, String role, List<ConsumptionRow> samples) {

    /** One entry per machine, sorted by name. */
    public static List<MachineUsage> of(List<ConsumptionRow> rows) {
        Map<String, List<ConsumptionRow>> byMachine = new TreeMap<>();
        for (ConsumptionRow row : rows) {
            byMachine.computeIfAbsent(row.machine(), m -> new ArrayList<>()).add(row);
        }
        return byMachine.entrySet().stream()
                .map(e -> new MachineUsage(e.getKey(), e.getValue().get(0).cloudOrEdge(), List.copyOf(e.getValue())))
                .toList();
    }

    /** For a legend: {@code edge1 (edge)}. */
    public String label() {
        return machine + " (" + role + ")";
    }
}
