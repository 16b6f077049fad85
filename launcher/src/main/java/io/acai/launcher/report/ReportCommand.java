package io.acai.launcher.report;

import io.acai.launcher.metrics.RunMetrics;
import io.acai.launcher.metrics.RunSettings;
import io.acai.launcher.plan.LargeFleet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * {@code launcher report <logs folder>}: reads an experiment's CSV files, writes its metrics as
 * {@code <logs>/summary.csv} and {@code summary.json} (docs/metrics.md) and {@code <logs>/report.html} with its PNG
 * charts under {@code <logs>/report/}; with more than {@value LargeFleet#EDGES_ONE_BY_ONE} edges the main page shows
 * each group of edges as its spread and {@code <logs>/edges.html} holds the per-edge tables and charts. Missing or partial files are listed at the top of the report and
 * the charts that can be drawn are drawn.
 */
public final class ReportCommand {

    /** Folder of the PNGs, next to {@code report.html}. */
    public static final String CHART_FOLDER = "report";
    public static final String REPORT_FILE = "report.html";

    private ReportCommand() {
    }

    /** The charts of the report, in the order they appear. */
    public static List<ReportChart> charts() {
        return List.of(new AccuracyChart(), new InferenceTimeChart(), new QueueLengthChart(),
                new ProcessedImagesChart(), new UpdateLoopChart(), new UpdateBytesChart(), new HoldoutAccuracyChart(),
                MachineUsageChart.CPU, MachineUsageChart.MEMORY, LinkComparisonChart.RATE, LinkComparisonChart.RTT);
    }

    /**
     * The charts of the main page of a report on more than {@value LargeFleet#EDGES_ONE_BY_ONE} edges: the spread over
     * the edges, then the cloud's held-out accuracy. The others of {@link #charts()} go to the per-edge page.
     */
    public static List<ReportChart> fleetCharts() {
        List<ReportChart> charts = new ArrayList<>(SpreadChart.all());
        charts.add(new HoldoutAccuracyChart());
        return List.copyOf(charts);
    }

    /** The charts of the per-edge page of a report on many edges: those of {@link #charts()} with a line per machine. */
    public static List<ReportChart> perEdgeCharts() {
        return charts().stream().filter(c -> !(c instanceof HoldoutAccuracyChart)).toList();
    }

    /**
     * Writes the summary files and the report, the drift onsets and controls read from {@code <logs>/run.json};
     * messages go to standard output and error.
     *
     * @return 0 when the report was written (even with missing files), 1 when the folder is empty or does not exist
     *     or the report cannot be written
     */
    public static int run(Path logsDir) {
        return run(logsDir, System.out, System.err);
    }

    public static int run(Path logsDir, PrintStream out, PrintStream err) {
        return run(logsDir, RunSettings.read(logsDir), out, err);
    }

    /** As {@link #run(Path)}, with the drift onsets and controls given (by the run that made the logs). */
    public static int run(Path logsDir, RunSettings settings, PrintStream out, PrintStream err) {
        try {
            ExperimentLogs logs = ExperimentLogs.load(logsDir);
            RunMetrics metrics = LogsMetrics.write(logs, settings);
            Path report = write(logs, metrics);
            out.println("report: wrote " + report);
            LogsMetrics.print(out, logsDir, metrics);
            return 0;
        } catch (ReportException e) {
            err.println("report: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Writes {@code summary.csv} and {@code summary.json} only (no report), and prints the headline metrics.
     *
     * @return 0 when written, 1 when the folder holds no logs or the files cannot be written
     */
    public static int summarize(Path logsDir, RunSettings settings, PrintStream out, PrintStream err) {
        try {
            LogsMetrics.print(out, logsDir, LogsMetrics.write(ExperimentLogs.load(logsDir), settings));
            return 0;
        } catch (ReportException e) {
            err.println("summary: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Writes the summary files and the report and returns the path of {@code report.html}.
     *
     * @throws ReportException when the folder holds no logs or a file cannot be written
     */
    public static Path write(Path logsDir) throws ReportException {
        ExperimentLogs logs = ExperimentLogs.load(logsDir);
        return write(logs, LogsMetrics.write(logs, RunSettings.read(logsDir)));
    }

    private static Path write(ExperimentLogs logs, RunMetrics metrics) throws ReportException {
        System.setProperty("java.awt.headless", "true");
        // XChart writes each PNG through ImageIO.write(image, format, OutputStream), which by default buffers in a
        // temporary file whose clean-up is a JVM shutdown hook registered on first use; when the report is written
        // from a shutdown hook (the launcher reports after Ctrl-C) registering it throws "Shutdown in progress".
        // The charts are small, so write them through memory.
        ImageIO.setUseCache(false);
        Path logsDir = logs.dir();
        ExperimentClock clock = logs.clock();
        Path chartDir = logsDir.resolve(CHART_FOLDER);
        Path report = logsDir.resolve(REPORT_FILE);
        try {
            Files.createDirectories(chartDir);
            RunSummary summary = RunSummary.of(logs, clock);
            if (LargeFleet.summarizes(logs.edges().size())) {
                new ReportWriter().writeFleet(report, logs, summary, metrics, draw(fleetCharts(), logs, clock, chartDir),
                        draw(perEdgeCharts(), logs, clock, chartDir));
            } else {
                for (ReportChart spread : SpreadChart.all()) {
                    Files.deleteIfExists(chartDir.resolve(spread.fileName()));
                }
                Files.deleteIfExists(logsDir.resolve(ReportWriter.EDGES_PAGE));
                new ReportWriter().write(report, logs, summary, metrics, draw(charts(), logs, clock, chartDir));
            }
        } catch (IOException e) {
            throw new ReportException("cannot write the report under " + logsDir + ": " + e, e);
        }
        return report;
    }

    /** Draws each chart into {@code chartDir}, removing the PNG of an earlier report of a chart without data. */
    private static List<DrawnChart> draw(List<ReportChart> charts, ExperimentLogs logs, ExperimentClock clock,
                                         Path chartDir) throws IOException {
        List<DrawnChart> drawn = new ArrayList<>();
        for (ReportChart chart : charts) {
            Path png = chartDir.resolve(chart.fileName());
            Files.deleteIfExists(png);
            Optional<Chart<?, ?>> built = chart.draw(logs, clock);
            if (built.isPresent()) {
                savePng(built.get(), png);
            }
            drawn.add(new DrawnChart(chart, built.isPresent()));
        }
        return drawn;
    }

    /** Writes {@code chart} as the PNG file {@code png} (headless, through memory: see {@link #write}). */
    public static void savePng(Chart<?, ?> chart, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ImageIO.setUseCache(false);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
