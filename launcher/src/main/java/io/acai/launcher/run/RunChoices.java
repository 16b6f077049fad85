package io.acai.launcher.run;

import io.acai.launcher.plan.RuntimeKind;
import picocli.CommandLine.Option;

/** How each run goes, shared by {@code run} and {@code campaign}: where it runs, the live status, the report. */
public final class RunChoices {

    @Option(names = "--runtime", paramLabel = "local|kubernetes", converter = CliConverters.Runtime.class,
            description = "where to run, instead of the config's runtime (default: local)")
    public RuntimeKind runtime;

    @Option(names = "--quiet", description = "no live status")
    public boolean quiet;

    @Option(names = "--no-report",
            description = "do not write report.html at the end (summary.csv and summary.json are written)")
    public boolean noReport;

    @Option(names = "--no-link-measurement",
            description = "do not measure every shaped link into links.csv (locally before the apps start, on Kubernetes"
                    + " once shaping is in place, both before the apps start; saves several seconds per run,"
                    + " and the report then shows the configured links only)")
    public boolean noLinkMeasurement;

    /** Whether the runtime measures the links (locally before the apps start, on Kubernetes once shaping is in place). */
    public boolean measureLinks() {
        return !noLinkMeasurement;
    }
}
