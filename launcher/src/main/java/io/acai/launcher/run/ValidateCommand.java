package io.acai.launcher.run;

import io.acai.launcher.config.ConfigException;
import io.acai.launcher.config.UserConfigReader;
import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.options.TimeSpan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code launcher validate <config>}: checks a config, prints every error or a summary, deploys nothing. */
@Command(name = "validate", description = "Check a config and print every error; deploys nothing. Exit 0 when valid, 1 when not.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<config>", description = "the experiment's JSON config (user_config.json)")
    Path config;

    @Option(names = "--runtime", paramLabel = "local|kubernetes", converter = CliConverters.Runtime.class,
            description = "check for this runtime instead of the config's (paths in app options are checked locally only)")
    RuntimeKind runtime;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ExperimentPlan plan = UserConfigReader.read(config, runtime);
            out.println(config + ": valid");
            out.print(describe(plan));
            out.flush();
            return 0;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** A few lines saying what the plan runs; a token only as "set", never its value. */
    static String describe(ExperimentPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  experiment %s: %s runtime, %s, sample every %s, seed %d%n", plan.name(),
                plan.runtime().name().toLowerCase(Locale.ROOT), TimeSpan.format(plan.duration()),
                TimeSpan.format(plan.samplePeriod()), plan.seed()));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        plan.machines().stream().filter(m -> m.group() != null)
                .forEach(m -> groups.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m.name()));
        groups.forEach((group, members) -> out.append(String.format(Locale.ROOT, "  group %s: %d machines, %s .. %s%n", group,
                members.size(), members.get(0), members.get(members.size() - 1))));
        for (MachinePlan machine : plan.machines()) {
            String program = machine.runsProjectApp()
                    ? (machine.role() == io.acai.launcher.plan.Role.CLOUD ? "cloud-app.jar" : "edge-app.jar")
                    : String.join(" ", TokenRedaction.args(machine.command()));
            String role = machine.isControl() ? "client, static control of " + machine.controlOf()
                    : machine.role().category();
            out.append(String.format(Locale.ROOT, "  %s (%s): %s %s%n", machine.name(), role, program,
                    String.join(" ", TokenRedaction.args(machine.args()))));
            if (machine.hasToken()) {
                out.append(String.format(Locale.ROOT, "    token: set (from config; passed in the app's environment, "
                        + "not shown)%n"));
            }
        }
        for (LinkPlan link : plan.links()) {
            out.append(String.format(Locale.ROOT, "  link %s -> %s: %s, delay %s, jitter %s, loss %s%%%n", link.from(),
                    link.to(), link.limitsRate() ? link.rateMbps() + " Mbit/s" : "unlimited",
                    TimeSpan.format(link.delay()), TimeSpan.format(link.jitter()), link.lossPercent()));
        }
        return out.toString();
    }
}
