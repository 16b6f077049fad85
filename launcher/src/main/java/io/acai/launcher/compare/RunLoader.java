package io.acai.launcher.compare;

import io.acai.launcher.metrics.AccuracyCurve;
import io.acai.launcher.metrics.RollingAccuracy;
import io.acai.launcher.metrics.RunSettings;
import io.acai.launcher.metrics.SummaryFiles;
import io.acai.launcher.report.AccuracyChart;
import io.acai.launcher.report.EdgeLogs;
import io.acai.launcher.report.ExperimentClock;
import io.acai.launcher.report.ExperimentLogs;
import io.acai.launcher.report.LogsMetrics;
import io.acai.launcher.report.ReportException;
import io.acai.launcher.run.RunDescription;
import io.acai.records.csv.CsvHeaderException;
import io.acai.records.csv.CsvRows;
import io.acai.records.run.SummaryRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a found run: its metrics from {@code summary.csv} (through {@link SummaryRow}), computed from its logs by the
 * metrics code when the folder has none (nothing is written into the folder), and each edge's
 * {@link RollingAccuracy} over {@value AccuracyChart#ROLLING_SECONDS} s from its {@code edge_inf.csv}, in seconds
 * since the run started (the earliest time in its logs). What cannot be read is noted.
 */
final class RunLoader {

    private RunLoader() {
    }

    static ComparedRun load(FoundRun found, List<String> notes) {
        Path dir = found.dir();
        RunSettings settings = RunSettings.read(dir);
        Optional<ExperimentLogs> logs = logs(dir, notes);
        List<SummaryRow> summary = summary(dir, settings, logs, notes);
        Map<String, AccuracyCurve> curves = new LinkedHashMap<>();
        logs.ifPresent(l -> {
            ExperimentClock clock = l.clock();
            for (EdgeLogs edge : l.edges()) {
                AccuracyCurve curve = RollingAccuracy.of(edge.inference(), r -> clock.seconds(r.endTime()),
                        AccuracyChart.ROLLING_SECONDS);
                if (curve.size() > 0) {
                    curves.put(edge.name(), curve);
                }
            }
        });
        Optional<RunDescription> description = found.description();
        return new ComparedRun(dir, description.map(RunDescription::repeat).orElse(null),
                description.map(RunDescription::seed).orElse(null), settings.controlOf(), summary, curves);
    }

    private static Optional<ExperimentLogs> logs(Path dir, List<String> notes) {
        try {
            return Optional.of(ExperimentLogs.load(dir));
        } catch (ReportException e) {
            notes.add(dir.getFileName() + ": " + e.getMessage() + "; no accuracy over time from it");
            return Optional.empty();
        }
    }

    private static List<SummaryRow> summary(Path dir, RunSettings settings, Optional<ExperimentLogs> logs,
                                            List<String> notes) {
        Path file = SummaryRow.SCHEMA.in(dir);
        String name = dir.getFileName() + "/" + SummaryFiles.CSV;
        if (Files.isRegularFile(file)) {
            try {
                CsvRows<SummaryRow> rows = SummaryRow.SCHEMA.read(file);
                rows.skipped().forEach(s -> notes.add(name + ":" + s.line() + ": line skipped: " + s.problem()));
                return rows.rows();
            } catch (CsvHeaderException e) {
                notes.add(name + ":" + e.line() + ": " + e.problem() + "; computed from the logs instead");
            } catch (IOException e) {
                notes.add(name + ": cannot be read (" + e.getMessage() + "); computed from the logs instead");
            }
        }
        if (logs.isEmpty()) {
            notes.add(dir.getFileName() + ": no " + SummaryFiles.CSV + " and no logs to compute it from; no metrics");
            return List.of();
        }
        if (!Files.isRegularFile(file)) {
            notes.add(dir.getFileName() + ": no " + SummaryFiles.CSV + "; its metrics were computed from its logs");
        }
        return SummaryFiles.rows(LogsMetrics.of(logs.get(), settings));
    }
}
