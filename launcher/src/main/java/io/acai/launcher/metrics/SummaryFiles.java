package io.acai.launcher.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acai.records.csv.CsvRowWriter;
import io.acai.records.run.SummaryRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a run's metrics at the top of its logs folder as {@code summary.csv} (tidy: one {@link SummaryRow} per
 * machine and metric) and {@code summary.json}:
 *
 * <pre>{@code
 * {"definitions": "docs/metrics.md",
 *  "units": {"accuracy_before_drift": "%", ...},
 *  "roles": {"cloud": "cloud", "edge-near": "edge", ...},
 *  "controlOf": {"edge-near-control": "edge-near"},
 *  "machines": {"edge-near": {"accuracy_before_drift": 45.123, "time_to_recover": null, ...}, ...},
 *  "notes": {"edge-near": {"time_to_recover": "not recovered", ...}, ...}}
 * }</pre>
 *
 * A value that cannot be given is {@code null} in the JSON and blank in the CSV, with its note saying why.
 */
public final class SummaryFiles {

    public static final String JSON = "summary.json";
    public static final String CSV = SummaryRow.SCHEMA.fileName();
    /** Where the metrics are defined, in the project. */
    public static final String DEFINITIONS = "docs/metrics.md";
    /** Decimals kept in both files. */
    static final int PLACES = 3;

    private SummaryFiles() {
    }

    /** Writes both files into {@code logsDir}, replacing earlier ones. */
    public static void write(Path logsDir, RunMetrics metrics) throws IOException {
        try (CsvRowWriter<SummaryRow> out = SummaryRow.SCHEMA.create(SummaryRow.SCHEMA.in(logsDir))) {
            for (SummaryRow row : rows(metrics)) {
                out.write(row);
            }
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(logsDir.resolve(JSON).toFile(),
                json(metrics));
    }

    /** The rows of {@code summary.csv}: machines by name, each one's metrics in {@link Metric} order. */
    public static List<SummaryRow> rows(RunMetrics metrics) {
        List<SummaryRow> rows = new ArrayList<>();
        for (MachineMetrics machine : metrics.machines()) {
            machine.values().forEach((metric, value) -> rows.add(new SummaryRow(machine.machine(), metric.key(),
                    rounded(value.value()), metric.unit(), value.note())));
        }
        return rows;
    }

    static ObjectNode json(RunMetrics metrics) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("definitions", DEFINITIONS);
        ObjectNode units = root.putObject("units");
        ObjectNode roles = root.putObject("roles");
        root.set("controlOf", mapper.valueToTree(new TreeMap<>(metrics.controlOf())));
        ObjectNode machines = root.putObject("machines");
        ObjectNode notes = root.putObject("notes");
        for (MachineMetrics machine : metrics.machines()) {
            roles.put(machine.machine(), machine.role());
            ObjectNode values = machines.putObject(machine.machine());
            Map<String, String> machineNotes = new TreeMap<>();
            machine.values().forEach((metric, value) -> {
                units.put(metric.key(), metric.unit());
                if (value.measured()) {
                    values.put(metric.key(), rounded(value.value()));
                } else {
                    values.putNull(metric.key());
                }
                if (!value.note().isEmpty()) {
                    machineNotes.put(metric.key(), value.note());
                }
            });
            if (!machineNotes.isEmpty()) {
                notes.set(machine.machine(), mapper.valueToTree(machineNotes));
            }
        }
        return root;
    }

    private static double rounded(double value) {
        return Double.isNaN(value) ? value
                : BigDecimal.valueOf(value).setScale(PLACES, RoundingMode.HALF_UP).doubleValue();
    }
}
