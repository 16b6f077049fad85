package io.acai.launcher.run;

import io.acai.launcher.plan.DeployException;
import io.acai.launcher.plan.Deployment;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.options.AppExitCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runtime-neutral run loop: deploys a plan, then every sample period appends each machine's CPU
 * and memory to {@code consumption.csv} and has the runtime bring every machine's files into
 * {@code <logs>/<machine>/}, while a live status shows each machine's state and each edge's frames,
 * accuracy and model version. It stops at the end of the duration, when every machine has ended, or
 * on Ctrl-C/SIGTERM (a shutdown hook waits for the teardown), and closes the deployment exactly once.
 * A machine that ends during the run is reported with the tail of its log, the others keep running,
 * and the result says the run was not clean.
 */
public final class ExperimentRunner {

    /** How often the status is redrawn on a terminal. */
    static final Duration REFRESH = Duration.ofSeconds(1);
    /** How long a signal waits for the teardown before the JVM goes down anyway. */
    static final Duration TEARDOWN_WAIT = Duration.ofMinutes(5);
    static final int CRASH_LOG_LINES = 20;

    private final ExperimentPlan plan;
    private final ExperimentRuntime runtime;
    private final Path logsDir;
    private final RunOptions options;
    private final StatusBoard board;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread deployingThread;
    private final Map<String, InferenceCsvTail> tails = new LinkedHashMap<>();
    /** The exit codes of the machines that ended during the run, as far as the runtime knows them. */
    private final Map<String, Integer> exitCodes = new java.util.concurrent.ConcurrentHashMap<>();
    private Runnable afterClose = () -> { };
    private int drawnLines;

    public ExperimentRunner(ExperimentPlan plan, ExperimentRuntime runtime, Path logsDir, RunOptions options) {
        this.plan = plan;
        this.runtime = runtime;
        this.logsDir = logsDir;
        this.options = options;
        this.board = new StatusBoard(plan);
        for (MachinePlan machine : plan.edges()) {
            tails.put(machine.name(), new InferenceCsvTail(logsDir.resolve(machine.name())));
        }
    }

    /** Work to finish after the teardown and before a signal lets the JVM exit (the report, for example). */
    public ExperimentRunner afterClose(Runnable work) {
        this.afterClose = work;
        return this;
    }

    /** Asks a running experiment to stop, as Ctrl-C does. */
    public void requestStop() {
        stop.countDown();
    }

    /** Whether Ctrl-C, SIGTERM or {@link #requestStop()} asked the run to stop (a failed start then counts as stopped). */
    public boolean stopRequested() {
        return stop.getCount() == 0;
    }

    /**
     * Runs the experiment to its end.
     *
     * @throws DeployException when it cannot be brought up (the runtime has removed what it created)
     */
    public RunResult run() throws DeployException, IOException {
        Files.createDirectories(logsDir);
        Thread hook = new Thread(this::onSignal, "acai-launcher-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return deployAndRun();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
    }

    private void onSignal() {
        stop.countDown();
        Thread deploying = deployingThread;
        if (deploying != null) {
            deploying.interrupt();
        }
        try {
            if (!finished.await(TEARDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                options.err().println("launcher: teardown did not finish within " + ProgressBar.clock(TEARDOWN_WAIT)
                        + "; some of what the experiment created may be left behind");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RunResult deployAndRun() throws DeployException, IOException {
        options.out().println("launcher: " + runtime.describe());
        options.out().println("launcher: starting " + plan.machines().size() + " machines of " + plan.name() + " for "
                + ProgressBar.clock(plan.duration()) + "; logs in " + logsDir);
        Deployment deployment;
        deployingThread = Thread.currentThread();
        long deploying = System.nanoTime();
        try {
            deployment = runtime.deploy(plan, logsDir);
        } finally {
            deployingThread = null;
            Thread.interrupted();
        }
        long started = System.nanoTime();
        options.out().println("launcher: deployed in " + seconds(started - deploying) + "; the apps are starting");
        Set<String> exited = new LinkedHashSet<>();
        boolean stoppedEarly = true;
        try {
            stoppedEarly = !loop(deployment, started, exited);
            if (!options.quiet()) {
                deployment.collect(logsDir);
                drawStatus(Duration.ofNanos(System.nanoTime() - started), deployment.states());
            }
        } finally {
            finish(deployment);
        }
        Duration ran = Duration.ofNanos(System.nanoTime() - started);
        RunResult result = new RunResult(stoppedEarly, List.copyOf(exited), ran);
        summarize(result);
        try {
            afterClose.run();
        } catch (RuntimeException e) {
            options.err().println("launcher: after the run: " + e);
        }
        return result;
    }

    /** Runs until the end; false when stopped early by a signal or {@link #requestStop()}. */
    private boolean loop(Deployment deployment, long started, Set<String> exited) {
        ConsumptionCsv consumption = new ConsumptionCsv(logsDir);
        long period = plan.samplePeriod().toNanos();
        long end = started + plan.duration().toNanos();
        long nextSample = started + period;
        long nextRefresh = started;
        boolean consumptionFailed = false;
        while (true) {
            long now = System.nanoTime();
            if (stop.getCount() == 0) {
                return false;
            }
            if (now - end >= 0) {
                return true;
            }
            Map<String, MachineState> states = deployment.states();
            reportExits(deployment, states, exited);
            if (exited.size() == plan.machines().size()) {
                options.err().println("launcher: every machine has ended; stopping the experiment");
                return true;
            }
            boolean sampled = false;
            if (now - nextSample >= 0) {
                try {
                    consumption.append(deployment.sample());
                } catch (IOException e) {
                    if (!consumptionFailed) {
                        options.err().println("launcher: cannot write " + consumption.file() + ": " + e.getMessage());
                        consumptionFailed = true;
                    }
                }
                deployment.collect(logsDir);
                nextSample += period;
                sampled = true;
            }
            if (!options.quiet() && (options.interactive() ? now - nextRefresh >= 0 : sampled)) {
                drawStatus(Duration.ofNanos(now - started), states);
                nextRefresh = now + REFRESH.toNanos();
            }
            long wake = Math.min(end, nextSample);
            if (options.interactive() && !options.quiet()) {
                wake = Math.min(wake, nextRefresh);
            } else {
                wake = Math.min(wake, now + REFRESH.toNanos());
            }
            try {
                stop.await(Math.max(1, wake - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private void drawStatus(Duration elapsed, Map<String, MachineState> states) {
        Map<String, EdgeProgress> progress = new LinkedHashMap<>();
        tails.forEach((name, tail) -> progress.put(name, tail.poll()));
        draw(board.render(elapsed, states, progress, exitCodes));
    }

    private void reportExits(Deployment deployment, Map<String, MachineState> states, Set<String> exited) {
        for (Map.Entry<String, MachineState> entry : states.entrySet()) {
            if (entry.getValue() == MachineState.EXITED && exited.add(entry.getKey())) {
                deployment.collect(logsDir);
                drawnLines = 0;
                options.err().println();
                OptionalInt code = deployment.exitCode(entry.getKey());
                code.ifPresent(c -> exitCodes.put(entry.getKey(), c));
                options.err().println("launcher: machine " + entry.getKey() + (code.isPresent() && code.getAsInt() != 0
                        ? " failed: it" : "") + " ended during the run"
                        + (code.isPresent() ? " with exit code " + code.getAsInt() + meaning(entry.getKey(), code.getAsInt())
                        : "") + "; the others keep running");
                MachineLogTail.read(logsDir.resolve(entry.getKey()), CRASH_LOG_LINES).ifPresentOrElse(tail -> {
                    options.err().println("  last lines of " + tail.file() + ":");
                    tail.lines().forEach(line -> options.err().println("  | " + line));
                }, () -> options.err().println("  (no log under " + logsDir.resolve(entry.getKey()) + ")"));
            }
        }
    }

    /** What an exit code of one of the project's apps means, as {@code " (meaning)"}; nothing for a user's command. */
    private String meaning(String machine, int code) {
        boolean projectApp = plan.machines().stream().anyMatch(m -> m.name().equals(machine) && m.runsProjectApp());
        return projectApp ? AppExitCode.of(code).map(c -> " (" + c.meaning() + ")").orElse("") : "";
    }

    private void draw(List<String> lines) {
        StringBuilder out = new StringBuilder();
        if (options.interactive()) {
            if (drawnLines > 0) {
                out.append("\033[").append(drawnLines).append('F');
            }
            for (String line : lines) {
                out.append("\033[2K").append(line).append('\n');
            }
            out.append("\033[J"); // a shorter status (the many-edge summary varies) leaves no old lines below
            drawnLines = lines.size();
        } else {
            lines.forEach(line -> out.append(line).append('\n'));
        }
        options.out().print(out);
        options.out().flush();
    }

    /** Last collection and the one teardown, whatever happened before. */
    private void finish(Deployment deployment) {
        try {
            deployment.collect(logsDir);
        } catch (RuntimeException e) {
            options.err().println("launcher: last collection failed: " + e.getMessage());
        } finally {
            if (closed.compareAndSet(false, true)) {
                options.out().println("launcher: stopping the experiment and removing what it created");
                long closing = System.nanoTime();
                deployment.close();
                options.out().println("launcher: removed in " + seconds(System.nanoTime() - closing));
            }
        }
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private void summarize(RunResult result) {
        String how = result.interrupted() ? "stopped early" : "ended";
        options.out().println("launcher: " + plan.name() + " " + how + " after " + ProgressBar.clock(result.ran())
                + "; logs in " + logsDir);
        if (!result.exited().isEmpty()) {
            List<String> where = new ArrayList<>();
            for (String machine : result.exited()) {
                where.add(machine + " (" + logsDir.resolve(machine) + ")");
            }
            options.err().println("launcher: the run was not clean; machines that ended during it: "
                    + String.join(", ", where));
        }
    }
}
