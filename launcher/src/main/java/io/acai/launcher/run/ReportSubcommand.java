package io.acai.launcher.run;

import io.acai.launcher.compare.CompareCommand;
import io.acai.launcher.compare.RunDiscovery;
import io.acai.launcher.report.ReportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code launcher report <logs dir>}: writes the learning metrics ({@code summary.csv}, {@code summary.json}) and
 * {@code report.html} with its charts into the logs folder. On a campaign folder (no run files of its own, run
 * folders with {@code run.json} in it) it writes the comparison instead, as {@code launcher compare <folder>} does.
 */
@Command(name = "report", description = "Write summary.csv, summary.json and report.html with PNG charts into a logs folder"
        + " (on a campaign folder: compare.html, campaign.csv, as compare does).")
public final class ReportSubcommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<logs dir>", description = "the logs folder of a run, or a campaign's folder")
    Path logsDir;

    @Override
    public Integer call() {
        if (RunDiscovery.isCampaign(logsDir)) {
            return CompareCommand.run(List.of(logsDir), null, System.out, System.err);
        }
        return ReportCommand.run(logsDir);
    }
}
