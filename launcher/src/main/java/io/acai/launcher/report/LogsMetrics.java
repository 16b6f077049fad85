package io.acai.launcher.report;

import io.acai.launcher.metrics.CloudRecords;
import io.acai.launcher.metrics.EdgeRecords;
import io.acai.launcher.metrics.HeadlineMetrics;
import io.acai.launcher.metrics.RunMetrics;
import io.acai.launcher.metrics.RunRecords;
import io.acai.launcher.metrics.RunSettings;
import io.acai.launcher.metrics.SummaryFiles;
import io.acai.records.run.HoldoutRow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A logs folder's metrics: computed from the rows {@link ExperimentLogs} read, and each cloud's {@code holdout.csv}
 * when it wrote one, then written as {@code summary.csv} and {@code summary.json} and printed in a few lines.
 */
public final class LogsMetrics {

    private LogsMetrics() {
    }

    /** The metrics of the logs, computed in memory (nothing written). */
    public static RunMetrics of(ExperimentLogs logs, RunSettings settings) {
        List<EdgeRecords> edges = logs.edges().stream()
                .map(e -> new EdgeRecords(e.name(), e.inference(), e.updates())).toList();
        List<CloudRecords> clouds = logs.clouds().stream()
                .map(c -> new CloudRecords(c.name(), c.retrains(), holdout(logs, c.name()))).toList();
        return RunMetrics.of(new RunRecords(edges, clouds, logs.consumption()), settings);
    }

    /** Computes the metrics and writes both summary files into the logs folder. */
    static RunMetrics write(ExperimentLogs logs, RunSettings settings) throws ReportException {
        RunMetrics metrics = of(logs, settings);
        try {
            SummaryFiles.write(logs.dir(), metrics);
        } catch (IOException e) {
            throw new ReportException("cannot write " + SummaryFiles.CSV + " and " + SummaryFiles.JSON + " in "
                    + logs.dir() + ": " + e, e);
        }
        return metrics;
    }

    static void print(PrintStream out, Path logsDir, RunMetrics metrics) {
        out.println("summary: wrote " + logsDir.resolve(SummaryFiles.CSV) + " and " + SummaryFiles.JSON
                + " (the metrics are defined in " + SummaryFiles.DEFINITIONS + ")");
        HeadlineMetrics.lines(metrics).forEach(line -> out.println("  " + line));
    }

    private static Optional<List<HoldoutRow>> holdout(ExperimentLogs logs, String cloud) {
        Path folder = logs.dir().resolve(cloud);
        if (!Files.isRegularFile(HoldoutRow.SCHEMA.in(folder))) {
            return Optional.empty();
        }
        return Optional.of(ExperimentLogs.read(HoldoutRow.SCHEMA, folder, cloud + "/", logs.notes()));
    }
}
