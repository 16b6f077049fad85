package io.acai.launcher.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * {@code launcher report <logs folder>}: reads an experiment's CSV files and writes {@code <logs>/report.html} with
 * its PNG charts under {@code <logs>/report/}. Missing or partial files are listed at the top of the report and
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
     * Writes the report; messages go to standard output and error.
     *
     * @return 0 when the report was written (even with missing files), 1 when the folder is empty or does not exist
     *     or the report cannot be written
     */
    public static int run(Path logsDir) {
        return run(logsDir, System.out, System.err);
    }

    public static int run(Path logsDir, PrintStream out, PrintStream err) {
        try {
            Path report = write(logsDir);
            out.println("report: wrote " + report);
            return 0;
        } catch (ReportException e) {
            err.println("report: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Writes the report and returns the path of {@code report.html}.
     *
     * @throws ReportException when the folder holds no logs or a file cannot be written
     */
    public static Path write(Path logsDir) throws ReportException {
        System.setProperty("java.awt.headless", "true");
        // XChart writes each PNG through ImageIO.write(image, format, OutputStream), which by default buffers in a
        // temporary file whose clean-up is a JVM shutdown hook registered on first use; when the report is written
        // from a shutdown hook (the launcher reports after Ctrl-C) registering it throws "Shutdown in progress".
        // The charts are small, so write them through memory.
        ImageIO.setUseCache(false);
        ExperimentLogs logs = ExperimentLogs.load(logsDir);
        ExperimentClock clock = logs.clock();
        Path chartDir = logsDir.resolve(CHART_FOLDER);
        Path report = logsDir.resolve(REPORT_FILE);
        try {
            Files.createDirectories(chartDir);
            List<DrawnChart> drawn = new ArrayList<>();
            for (ReportChart chart : charts()) {
                Path png = chartDir.resolve(chart.fileName());
                Files.deleteIfExists(png);
                Optional<Chart<?, ?>> built = chart.draw(logs, clock);
                if (built.isPresent()) {
                    BitmapEncoder.saveBitmap(built.get(), png.toString(), BitmapEncoder.BitmapFormat.PNG);
                }
                drawn.add(new DrawnChart(chart, built.isPresent()));
            }
            new ReportWriter().write(report, logs, RunSummary.of(logs, clock), drawn);
        } catch (IOException e) {
            throw new ReportException("cannot write the report under " + logsDir + ": " + e, e);
        }
        return report;
    }
}
