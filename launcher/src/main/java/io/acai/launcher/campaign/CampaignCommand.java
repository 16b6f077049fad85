package io.acai.launcher.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.acai.launcher.kubernetes.ExperimentManifests;
import io.acai.launcher.kubernetes.KubernetesOptions;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.ExperimentRuntime;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.launcher.run.ClusterOptions;
import io.acai.launcher.run.RunChoices;
import io.acai.launcher.run.RunDescription;
import io.acai.launcher.run.RunOptions;
import io.acai.launcher.run.RuntimeChoice;
import io.acai.options.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code launcher campaign <logs> <campaign.json>}: expands the campaign's sweep, validates every run
 * (nothing runs when one is invalid), then runs what is left of it, each run in {@code <logs>/<run id>/}
 * ({@link CampaignRunner}). {@code --dry-run} lists the runs and the estimated time instead. Exit code:
 * 0 every run clean, 1 the campaign or a run's config is invalid (nothing ran), 2 usage error, 3 one or
 * more runs failed (the others ran), 130 stopped by Ctrl-C or SIGTERM.
 */
@Command(name = "campaign", description = "Run a base config over a sweep of parameter values, with repeats; "
        + "a rerun skips the completed runs.")
public final class CampaignCommand implements Callable<Integer> {

    /**
     * Time a run takes on top of its duration, for {@code --dry-run}'s estimate: deploying, measuring the
     * links, the teardown and the report. Measured on campaigns of the default experiment (docs/benchmarks.md,
     * "Campaign overhead"): 20 s per run with the link measurement, 3 s without (rounded up to 5 s).
     */
    static final Duration OVERHEAD_PER_RUN = Duration.ofSeconds(20);
    /** As {@link #OVERHEAD_PER_RUN}, with {@code --no-link-measurement}. */
    static final Duration OVERHEAD_PER_RUN_UNMEASURED = Duration.ofSeconds(5);

    @Parameters(index = "0", paramLabel = "<logs dir>", description = "folder of the campaign: one sub-folder per run")
    Path logsDir;

    @Parameters(index = "1", paramLabel = "<campaign>", description = "the campaign's JSON file")
    Path campaignFile;

    @Option(names = "--dry-run", description = "list the runs and the estimated time; deploy nothing")
    boolean dryRun;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "runs at a time, on Kubernetes only, each in its own namespace (default: 1)")
    int parallel;

    @Mixin
    RunChoices choices = new RunChoices();

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (parallel < 1) {
            err.println("campaign: --parallel " + parallel + " is not allowed (expected: 1 or more)");
            return 2;
        }
        CampaignSpec campaign;
        List<SweepValidation.ValidRun> runs;
        try {
            campaign = CampaignSpec.read(campaignFile);
            List<CampaignRun> expanded = SweepExpansion.expand(campaign, base(campaign));
            if (choices.runtime != null) {
                expanded.forEach(run -> run.config().put("runtime", choices.runtime.name().toLowerCase(Locale.ROOT)));
            }
            runs = SweepValidation.validate(campaign, expanded, choices.runtime);
        } catch (CampaignException e) {
            err.println(e.getMessage());
            return 1;
        }
        KubernetesOptions clusterOptions = cluster.toOptions();
        Set<RuntimeKind> kinds = new LinkedHashSet<>();
        runs.forEach(run -> kinds.add(run.plan().runtime()));
        if (parallel > 1 && kinds.contains(RuntimeKind.LOCAL)) {
            err.println("campaign: --parallel " + parallel + " needs runtime kubernetes: on this machine the runs go one "
                    + "after another, since they would share its cores and measure each other (expected: --parallel 1, "
                    + "or --runtime kubernetes)");
            return 2;
        }
        if (parallel > 1 && clusterOptions.reuseNamespace()) {
            err.println("campaign: --parallel " + parallel + " cannot be combined with --reuse-namespace: each run "
                    + "creates its own namespace <namespace>-<run number>");
            return 2;
        }
        if (dryRun) {
            list(campaign, runs, out);
            return 0;
        }
        for (RuntimeKind kind : kinds) {
            try {
                RuntimeChoice.create(kind, clusterOptions);
            } catch (IllegalStateException e) {
                err.println("campaign: " + e.getMessage() + "; nothing ran");
                return 1;
            }
        }
        CampaignRunner.RuntimeFactory factory = (plan, run) -> runtimeOf(plan, run, clusterOptions, choices.measureLinks());
        RunOptions options = new RunOptions(choices.quiet || parallel > 1, System.console() != null && parallel == 1, out, err);
        return new CampaignRunner(campaign, logsDir, runs, factory, options, !choices.noReport, parallel).run();
    }

    private static ExperimentRuntime runtimeOf(ExperimentPlan plan, CampaignRun run, KubernetesOptions options,
            boolean measureLinks) {
        if (plan.runtime() == RuntimeKind.KUBERNETES) {
            return RuntimeChoice.create(RuntimeKind.KUBERNETES, runOptions(options, plan, run));
        }
        return RuntimeChoice.create(plan.runtime(), options, measureLinks);
    }

    /**
     * The cluster options of one run of a campaign on Kubernetes: the command's, in the run's own namespace
     * {@code <--namespace, else acai-<experiment>>-<run number>} ({@link #namespace(String, int)}).
     */
    public static KubernetesOptions runOptions(KubernetesOptions options, ExperimentPlan plan, CampaignRun run) {
        String base = options.namespace() != null ? options.namespace() : ExperimentManifests.defaultNamespace(plan.name());
        return options.withNamespace(namespace(base, run.index()));
    }

    /**
     * The namespace of run {@code index} of a campaign on Kubernetes: {@code <base>-<index>}, the base cut so that the
     * whole stays a valid namespace name (63 characters). Every run has its own, so runs can go at the same time.
     */
    public static String namespace(String base, int index) {
        String suffix = "-" + index;
        String head = base.length() + suffix.length() > 63 ? base.substring(0, 63 - suffix.length()) : base;
        return head.replaceAll("-+$", "") + suffix;
    }

    /**
     * The campaign's base config as a JSON tree, for {@link SweepExpansion#expand}.
     *
     * @throws CampaignException when it cannot be read or is not a JSON object, naming the file
     */
    public static ObjectNode base(CampaignSpec campaign) throws CampaignException {
        String heading = campaign.file() + ": base " + campaign.base() + " cannot be used";
        JsonNode tree;
        try {
            tree = CampaignSpec.JSON.readTree(Files.readString(campaign.base()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? campaign.base().toString()
                    : campaign.base() + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new CampaignException(heading, List.of(where + ": malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CampaignException(heading, List.of(campaign.base() + ": cannot be read: " + e));
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new CampaignException(heading, List.of(campaign.base() + ": " + tree + " is not an object"));
        }
        return root;
    }

    /**
     * The wall time of {@code runs} (each one's estimated time, in campaign order) {@code parallel} at a time, as the
     * runner starts them: each run as soon as one of the {@code parallel} slots is free, so 3 runs of 5 minutes take
     * 10 minutes with 2 slots, not 7.5.
     */
    static Duration wallTime(List<Duration> runs, int parallel) {
        PriorityQueue<Duration> slots = new PriorityQueue<>();
        for (int i = 0; i < parallel; i++) {
            slots.add(Duration.ZERO);
        }
        Duration end = Duration.ZERO;
        for (Duration run : runs) {
            Duration finish = slots.poll().plus(run);
            slots.add(finish);
            end = finish.compareTo(end) > 0 ? finish : end;
        }
        return end;
    }

    private Duration overheadPerRun() {
        return choices.measureLinks() ? OVERHEAD_PER_RUN : OVERHEAD_PER_RUN_UNMEASURED;
    }

    /** What {@code --dry-run} prints: each run, the count and the estimated time. */
    void list(CampaignSpec campaign, List<SweepValidation.ValidRun> runs, PrintStream out) {
        out.println("campaign " + campaign.name() + ": base " + campaign.base() + ", " + runs.size() + " runs ("
                + (runs.size() / campaign.repeats()) + " settings x " + campaign.repeats() + " repeats, "
                + campaign.combine().name().toLowerCase(Locale.ROOT) + "); every run is a valid config");
        Duration total = Duration.ZERO;
        Duration left = Duration.ZERO;
        List<Duration> toRun = new ArrayList<>();
        int done = 0;
        for (SweepValidation.ValidRun valid : runs) {
            CampaignRun run = valid.run();
            Duration each = valid.plan().duration().plus(overheadPerRun());
            total = total.plus(each);
            Optional<RunDescription> completed = new RunFolder(logsDir, run.id()).completed();
            if (completed.isPresent()) {
                done++;
            } else {
                left = left.plus(each);
                toRun.add(each);
            }
            out.printf(Locale.ROOT, "  %3d  %s  %s, seed %d, %s%s%n", run.index(), run.id(), run.describeValues(), run.seed(),
                    TimeSpan.format(valid.plan().duration()), completed.isPresent() ? "  (completed earlier: skipped)" : "");
        }
        out.println(runs.size() + " runs; estimated time " + TimeSpan.format(total) + " (the runs' durations plus "
                + TimeSpan.format(overheadPerRun()) + " per run to deploy, " + (choices.measureLinks() ? "measure links, " : "")
                + "tear down and report)"
                + (done > 0 ? "; " + done + " completed earlier in " + logsDir + ", " + TimeSpan.format(left) + " to go" : "")
                + (parallel > 1 ? "; with --parallel " + parallel + " about " + TimeSpan.format(wallTime(toRun, parallel))
                        + " of wall time" : ""));
        out.println("nothing was deployed (--dry-run)");
    }
}
