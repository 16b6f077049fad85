package io.acai.launcher.run;

import io.acai.launcher.report.ReportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code launcher report <logs dir>}: writes the learning metrics ({@code summary.csv}, {@code summary.json}) and
 * {@code report.html} with its charts into the logs folder.
 */
@Command(name = "report", description = "Write summary.csv, summary.json and report.html with PNG charts into a logs folder.")
public final class ReportSubcommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<logs dir>", description = "the logs folder of a run")
    Path logsDir;

    @Override
    public Integer call() {
        return ReportCommand.run(logsDir);
    }
}
