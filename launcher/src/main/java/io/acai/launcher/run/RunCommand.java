package io.acai.launcher.run;

import io.acai.launcher.config.ConfigException;
import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.launcher.report.ReportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code launcher [run] <logs dir> <config>}: validates the config, brings the experiment up, runs it
 * for its duration with a live status, tears it down and writes the report. Exit code: 0 clean, 1 the
 * config or the start failed (nothing left running), 3 a machine ended during the run; a run stopped
 * by Ctrl-C or SIGTERM ends with the JVM's 130 or 143 once the teardown and the report are done.
 */
@Command(name = "run", description = "Run an experiment (the default command: launcher.jar <logs dir> <config>).")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<logs dir>", description = "folder for the run's logs, CSVs and report")
    Path logsDir;

    @Parameters(index = "1", paramLabel = "<config>", description = "the experiment's JSON config (user_config.json)")
    Path config;

    @Option(names = "--runtime", paramLabel = "local|kubernetes", converter = CliConverters.Runtime.class,
            description = "where to run, instead of the config's runtime (default: local)")
    RuntimeKind runtime;

    @Option(names = "--duration", paramLabel = "DURATION", converter = CliConverters.PositiveDuration.class,
            description = "how long to run, instead of the config's experiment.duration (like 90s or 3m)")
    Duration duration;

    @Option(names = "--quiet", description = "no live status")
    boolean quiet;

    @Option(names = "--no-report", description = "do not write report.html at the end")
    boolean noReport;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        ExperimentPlan plan;
        try {
            plan = withDuration(UserConfigReader.read(config, runtime), duration);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        ExperimentRuntime chosen;
        try {
            chosen = RuntimeChoice.create(plan.runtime(), cluster.toOptions());
        } catch (IllegalStateException e) {
            System.err.println("launcher: " + e.getMessage());
            return 1;
        }
        try {
            Path moved = LogsFolder.prepare(logsDir);
            if (moved != null) {
                System.out.println("launcher: the logs of an earlier run in " + logsDir + " were moved to " + moved);
            }
        } catch (IOException e) {
            System.err.println("launcher: cannot prepare the logs folder: " + e.getMessage());
            return 1;
        }
        ExperimentRunner runner = new ExperimentRunner(plan, chosen, logsDir, RunOptions.console(quiet));
        if (!noReport) {
            Map<String, String> controls = plan.controlOf();
            runner.afterClose(() -> {
                // ImageIO's file cache registers a shutdown hook, which fails while Ctrl-C shuts the JVM down
                ImageIO.setUseCache(false);
                ReportCommand.run(logsDir, controls, System.out, System.err);
            });
        }
        try {
            return runner.run().exitCode();
        } catch (DeployException e) {
            System.err.println("launcher: the experiment could not start: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("launcher: " + e.getMessage());
            return 1;
        }
    }

    /** {@code plan} with its duration replaced, when {@code duration} is given. */
    static ExperimentPlan withDuration(ExperimentPlan plan, Duration duration) {
        if (duration == null) {
            return plan;
        }
        return new ExperimentPlan(plan.name(), plan.seed(), duration, plan.samplePeriod(), plan.runtime(), plan.machines(),
                plan.links());
    }
}
