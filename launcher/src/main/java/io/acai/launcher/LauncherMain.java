package io.acai.launcher;

import io.acai.launcher.campaign.CampaignCommand;
import io.acai.launcher.compare.CompareSubcommand;
import io.acai.launcher.kubernetes.ProjectImages;
import io.acai.launcher.run.ManifestsCommand;
import io.acai.launcher.run.ReportSubcommand;
import io.acai.launcher.run.RunCommand;
import io.acai.launcher.run.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;


/**
 * Entry point of {@code launcher.jar}:
 *
 * <pre>
 * java -jar launcher.jar &lt;logs dir&gt; &lt;config&gt; [options]   run an experiment (same as "run")
 * java -jar launcher.jar run &lt;logs dir&gt; &lt;config&gt; [--runtime local|kubernetes] [--duration D] [--quiet]
 *                                               [--namespace N] [--shaping tc|chaos-mesh|none]
 * java -jar launcher.jar validate &lt;config&gt;      check a config, deploy nothing (exit 0/1)
 * java -jar launcher.jar manifests &lt;config&gt;     print the Kubernetes objects as YAML
 * java -jar launcher.jar report &lt;logs dir&gt;      write summary.csv, summary.json and report.html from a run's logs
 *                                              (on a campaign folder: the comparison, as compare does)
 * java -jar launcher.jar campaign &lt;logs dir&gt; &lt;campaign.json&gt; [--dry-run] [--parallel N]   run a sweep
 * java -jar launcher.jar compare &lt;folder&gt;... [--out DIR]   compare.html, campaign.csv: a campaign's runs or run folders
 * </pre>
 */
@Command(name = "launcher", mixinStandardHelpOptions = true, version = "acai launcher " + ProjectImages.VERSION,
        description = "Brings up an acai cloud-edge experiment from a JSON config.",
        subcommands = {RunCommand.class, ValidateCommand.class, ManifestsCommand.class, ReportSubcommand.class, CampaignCommand.class,
                CompareSubcommand.class,
                CommandLine.HelpCommand.class})
public final class LauncherMain implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command or <logs dir> <config>");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code; {@code launcher <logs dir> <config>} means {@code run}. */
    public static int execute(String... args) {
        return new CommandLine(new LauncherMain()).execute(withDefaultCommand(args));
    }

    /** {@code args} with {@code run} in front unless they start with one of the launcher's subcommands or options. */
    static String[] withDefaultCommand(String[] args) {
        CommandSpec launcher = new CommandLine(new LauncherMain()).getCommandSpec();
        if (args.length == 0 || launcher.subcommands().containsKey(args[0]) || launcher.optionsMap().containsKey(args[0])) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }
}
