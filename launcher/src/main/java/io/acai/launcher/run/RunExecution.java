package io.acai.launcher.run;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.launcher.metrics.RunSettings;
import io.acai.launcher.report.ReportCommand;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run from a validated plan to its exit code, the path that {@code run} and every run of a
 * campaign take: {@code run.json} at the start, the {@link ExperimentRunner}, the learning metrics
 * ({@code summary.csv}, {@code summary.json}) and the report after the teardown, and {@code run.json} rewritten with the completion unless a signal stopped the run.
 */
public final class RunExecution {

    private RunExecution() {
    }

    /**
     * Runs {@code plan} into {@code logsDir} (made empty by the caller).
     *
     * @return the run's exit code: 0 clean, 1 it could not start, 3 a machine ended, 130 stopped
     */
    public static int execute(ExperimentPlan plan, ExperimentRuntime runtime, Path logsDir, RunOptions options,
            boolean report, RunDescription description) {
        try {
            Files.createDirectories(logsDir);
            description.write(logsDir);
        } catch (IOException e) {
            options.err().println("launcher: cannot write " + logsDir.resolve(RunDescription.FILE) + ": " + e.getMessage());
            return 1;
        }
        ExperimentRunner runner = new ExperimentRunner(plan, runtime, logsDir, options);
        runner.afterClose(() -> {
            // the drift onsets and controls the metrics need, from run.json's config (the resolved one)
            RunSettings settings = RunSettings.read(logsDir);
            if (!report) {
                ReportCommand.summarize(logsDir, settings, options.out(), options.err());
                return;
            }
            // ImageIO's file cache registers a shutdown hook, which fails while Ctrl-C shuts the JVM down
            ImageIO.setUseCache(false);
            ReportCommand.run(logsDir, settings, options.out(), options.err());
        });
        int code;
        try {
            code = runner.run().exitCode();
        } catch (DeployException e) {
            options.err().println("launcher: the experiment could not start: " + e.getMessage());
            code = 1;
        } catch (IOException e) {
            options.err().println("launcher: " + e.getMessage());
            code = 1;
        } catch (IllegalStateException e) {
            // typically no shutdown hook can be added: Ctrl-C came before the run started. Not recorded as
            // completed, so that a campaign's rerun does it again
            options.err().println("launcher: the run did not go through: " + e.getMessage());
            return RunResult.INTERRUPTED;
        }
        if (runner.stopRequested()) {
            return RunResult.INTERRUPTED;
        }
        try {
            description.completed(code).write(logsDir);
        } catch (IOException e) {
            options.err().println("launcher: cannot record the end of the run in " + logsDir.resolve(RunDescription.FILE)
                    + ": " + e.getMessage());
        }
        return code;
    }
}
