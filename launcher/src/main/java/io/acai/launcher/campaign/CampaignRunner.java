package io.acai.launcher.campaign;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.launcher.run.RunDescription;
import io.acai.launcher.run.RunExecution;
import io.acai.launcher.run.RunOptions;
import io.acai.launcher.run.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the validated runs of a campaign, each in {@code <logs>/<run id>/} through the same path as
 * {@code run} ({@link RunExecution}: {@code run.json}, the run loop, the report). A run completed by an
 * earlier invocation is skipped; a partial one is moved aside and done again. A run that fails (it
 * cannot start, or a machine ends during it) is recorded in its {@code run.json} and the campaign goes
 * on; Ctrl-C or SIGTERM tears the current run down and stops the campaign. Runs go one after another,
 * or {@code parallel} at a time (the command allows that on Kubernetes only, each run in its own
 * namespace).
 */
public final class CampaignRunner {

    /** Exit code when every run is done and one or more failed (the campaign went on). */
    public static final int SOME_FAILED = 3;

    /** Makes the runtime of one run (a Kubernetes runtime in the run's own namespace, for example). */
    @FunctionalInterface
    public interface RuntimeFactory {
        /** @throws IllegalStateException when the runtime cannot be set up, saying why */
        ExperimentRuntime create(ExperimentPlan plan, CampaignRun run);
    }

    private record Outcome(CampaignRun run, int exitCode, boolean skipped) {
    }

    private final CampaignSpec spec;
    private final Path logsDir;
    private final List<SweepValidation.ValidRun> runs;
    private final RuntimeFactory runtimes;
    private final RunOptions options;
    private final boolean report;
    private final int parallel;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    public CampaignRunner(CampaignSpec spec, Path logsDir, List<SweepValidation.ValidRun> runs, RuntimeFactory runtimes,
            RunOptions options, boolean report, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel: " + parallel + " (expected: > 0)");
        }
        this.spec = spec;
        this.logsDir = logsDir;
        this.runs = List.copyOf(runs);
        this.runtimes = runtimes;
        this.options = options;
        this.report = report;
        this.parallel = parallel;
    }

    /** Runs what is left of the campaign; the exit code is 0, {@link #SOME_FAILED}, 1 (no logs folder) or 130 (stopped). */
    public int run() {
        try {
            Files.createDirectories(logsDir);
        } catch (IOException e) {
            options.err().println("campaign: cannot create " + logsDir + ": " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> stopping.set(true), "acai-campaign-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (parallel == 1) {
                for (SweepValidation.ValidRun run : runs) {
                    if (stopping.get()) {
                        break;
                    }
                    runOne(run);
                }
            } else {
                runConcurrently();
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
        return summarize();
    }

    private void runConcurrently() {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel,
                task -> new Thread(task, "acai-campaign-run-" + threads.incrementAndGet()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepValidation.ValidRun run : runs) {
                futures.add(pool.submit(() -> {
                    if (!stopping.get()) {
                        runOne(run);
                    }
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping.set(true);
                } catch (java.util.concurrent.ExecutionException e) {
                    options.err().println("campaign: a run failed unexpectedly: " + e.getCause());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private void runOne(SweepValidation.ValidRun valid) {
        CampaignRun run = valid.run();
        String title = "campaign: run " + run.index() + "/" + runs.size() + " " + run.id();
        RunFolder folder = new RunFolder(logsDir, run.id());
        Optional<RunDescription> done = folder.completed();
        if (done.isPresent()) {
            int code = done.get().exitCode() == null ? 0 : done.get().exitCode();
            options.out().println(title + ": completed earlier (exit code " + code + "), skipped");
            outcomes.add(new Outcome(run, code, true));
            return;
        }
        RunDescription description = RunDescription.starting(spec.base(), run.config(), run.parameters(), run.labels(), run.seed(),
                run.repeat(), spec.name());
        try {
            Path moved = folder.prepare();
            if (moved != null) {
                options.out().println(title + ": an interrupted attempt was moved to " + moved + "; running it again");
            }
        } catch (IOException e) {
            options.err().println(title + ": cannot prepare " + folder.dir() + ": " + e.getMessage());
            outcomes.add(new Outcome(run, 1, false));
            return;
        }
        options.out().println(title + " (" + run.describeValues() + ", seed " + run.seed() + ")");
        int code;
        try {
            ExperimentRuntime runtime = runtimes.create(valid.plan(), run);
            code = RunExecution.execute(valid.plan(), runtime, folder.dir(), options, report, description);
        } catch (IllegalStateException e) {
            // the runtime could not be set up
            options.err().println(title + ": cannot run: " + e.getMessage());
            code = 1;
            recordFailure(folder, description);
        }
        if (code == RunResult.INTERRUPTED) {
            stopping.set(true);
        } else if (code != 0) {
            options.err().println(title + ": failed with exit code " + code + " (recorded in "
                    + folder.dir().resolve(RunDescription.FILE) + "); the campaign goes on");
        }
        outcomes.add(new Outcome(run, code, false));
    }

    private void recordFailure(RunFolder folder, RunDescription description) {
        try {
            description.completed(1).write(folder.dir());
        } catch (IOException e) {
            options.err().println("campaign: cannot write " + folder.dir().resolve(RunDescription.FILE) + ": " + e.getMessage());
        }
    }

    private int summarize() {
        List<Outcome> all;
        synchronized (outcomes) {
            all = new ArrayList<>(outcomes);
        }
        long skipped = all.stream().filter(Outcome::skipped).count();
        List<String> failed = all.stream().filter(o -> o.exitCode() != 0 && o.exitCode() != RunResult.INTERRUPTED)
                .map(o -> o.run().id() + " (exit code " + o.exitCode() + ")").toList();
        boolean stopped = stopping.get() || all.stream().anyMatch(o -> o.exitCode() == RunResult.INTERRUPTED);
        long ran = all.stream().filter(o -> !o.skipped() && o.exitCode() != RunResult.INTERRUPTED).count();
        options.out().println("campaign " + spec.name() + ": " + ran + " run" + (ran == 1 ? "" : "s") + " done now, "
                + skipped + " completed earlier, " + (runs.size() - ran - skipped) + " left, of " + runs.size()
                + "; logs in " + logsDir);
        if (!failed.isEmpty()) {
            options.err().println("campaign " + spec.name() + ": failed runs: " + String.join(", ", failed));
        }
        if (stopped) {
            options.out().println("campaign " + spec.name() + ": stopped; the same command goes on from where it stopped");
            return RunResult.INTERRUPTED;
        }
        return failed.isEmpty() ? 0 : SOME_FAILED;
    }
}
