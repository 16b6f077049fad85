package io.acai.launcher.run;

import io.acai.launcher.config.ConfigException;
import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.options.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code launcher [run] <logs dir> <config>}: validates the config, brings the experiment up, runs it
 * for its duration with a live status, tears it down, writes the learning metrics ({@code summary.csv},
 * {@code summary.json}; printed in a few lines) and the report. Exit code: 0 clean, 1 the
 * config or the start failed (nothing left running), 3 a machine ended during the run; a run stopped
 * by Ctrl-C or SIGTERM ends with the JVM's 130 or 143 once the teardown and the report are done.
 * {@code <logs>/run.json} says what ran ({@link RunDescription}).
 */
@Command(name = "run", description = "Run an experiment (the default command: launcher.jar <logs dir> <config>).")
public final class RunCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "<logs dir>", description = "folder for the run's logs, CSVs and report")
    Path logsDir;

    @Parameters(index = "1", paramLabel = "<config>", description = "the experiment's JSON config (user_config.json)")
    Path config;

    @Option(names = "--duration", paramLabel = "DURATION", converter = CliConverters.PositiveDuration.class,
            description = "how long to run, instead of the config's experiment.duration (like 90s or 3m)")
    Duration duration;

    @Option(names = "--edges-per-host", paramLabel = "K", description = "local runtime, namespace mode: run the "
            + "project's edges K to a JVM (an edge host), each with its own address, shaped link and files, instead of "
            + "the config's experiment.edgesPerHost (default 1: a process per edge)")
    Integer edgesPerHost;

    @Mixin
    RunChoices choices = new RunChoices();

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        ExperimentPlan plan;
        try {
            plan = withDuration(UserConfigReader.read(config, choices.runtime), duration);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        if (edgesPerHost != null) {
            try {
                plan = plan.withEdgesPerHost(edgesPerHost);
            } catch (IllegalArgumentException e) {
                System.err.println("launcher: --edges-per-host : " + edgesPerHost + " (expected: "
                        + ExperimentPlan.MIN_EDGES_PER_HOST + " to " + ExperimentPlan.MAX_EDGES_PER_HOST + ")");
                return 1;
            }
        }
        ExperimentRuntime chosen;
        try {
            chosen = RuntimeChoice.create(plan.runtime(), cluster.toOptions(), choices.measureLinks());
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
        return RunExecution.execute(plan, chosen, logsDir, RunOptions.console(choices.quiet), !choices.noReport, describe());
    }

    /** What {@code run.json} says of this run: the config file as read, with the command line's overrides. */
    RunDescription describe() {
        JsonNode tree;
        try {
            tree = JSON.readTree(config.toFile());
        } catch (IOException e) {
            // read a moment ago by the config reader; keep the run going without the config in run.json
            tree = null;
        }
        if (tree instanceof ObjectNode root) {
            if (choices.runtime != null) {
                root.put("runtime", choices.runtime.name().toLowerCase(Locale.ROOT));
            }
            if (duration != null) {
                JsonNode experiment = root.get("experiment");
                (experiment instanceof ObjectNode block ? block : root.putObject("experiment"))
                        .put("duration", TimeSpan.format(duration));
            }
            if (edgesPerHost != null) {
                JsonNode experiment = root.get("experiment");
                (experiment instanceof ObjectNode block ? block : root.putObject("experiment"))
                        .put("edgesPerHost", edgesPerHost);
            }
        }
        JsonNode seed = tree == null ? null : tree.path("experiment").path("seed");
        return RunDescription.starting(config, tree, Map.of(), Map.of(),
                seed != null && seed.isIntegralNumber() ? seed.asLong() : null, null, null);
    }

    /** {@code plan} with its duration replaced, when {@code duration} is given. */
    static ExperimentPlan withDuration(ExperimentPlan plan, Duration duration) {
        if (duration == null) {
            return plan;
        }
        return new ExperimentPlan(plan.name(), plan.seed(), duration, plan.samplePeriod(), plan.runtime(), plan.machines(),
                plan.links(), plan.imageRegistry(), plan.edgesPerHost());
    }
}
