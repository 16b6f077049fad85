package io.acai.launcher.local;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LinkPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.RuntimeKind;
import io.acai.records.run.LinkRow;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configured against measured links, per mechanism, for docs/benchmarks.md:
 * {@code mvn -B test -Pbenchmarks -pl launcher -am -Dtest=LinkShapingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * One edge per case, all linked to one cloud (a link probe server): rate 1, 10, 100 Mbit/s with no
 * delay, and a one-way delay of 10, 50, 200 ms on the edge-to-cloud direction only (so the round trip
 * minus the base round trip is that delay), first in the namespace mode (rate: kernel htb; delay:
 * user-space relay, as this kernel has no netem), then in the loopback mode (both from the relay).
 * Also: loss from the BPF drop filter, deploy time of 1 cloud + 10 edges, and the CPU the launcher
 * spends in {@code sample()}. Prints markdown tables; asserts nothing.
 */
@Tag("benchmark")
class LinkShapingBenchmark {

    @TempDir
    Path logs;

    private static final long[] RATES = {1_000_000, 10_000_000, 100_000_000};
    private static final long[] DELAYS_MS = {10, 50, 200};

    static ExperimentPlan cases(int port) {
        List<MachinePlan> machines = new ArrayList<>(List.of(LocalPlans.cloud(port, Resources.NONE)));
        List<LinkPlan> links = new ArrayList<>();
        for (long rate : RATES) {
            String edge = "rate" + rate / 1_000_000;
            machines.add(LocalPlans.edge(edge, List.of()));
            links.add(new LinkPlan(edge, "cloud", rate, Duration.ZERO, Duration.ZERO, 0));
            links.add(new LinkPlan("cloud", edge, rate, Duration.ZERO, Duration.ZERO, 0));
        }
        for (long delay : DELAYS_MS) {
            String edge = "delay" + delay;
            machines.add(LocalPlans.edge(edge, List.of()));
            links.add(new LinkPlan(edge, "cloud", 0, Duration.ofMillis(delay), Duration.ZERO, 0));
            links.add(new LinkPlan("cloud", edge, 0, Duration.ZERO, Duration.ZERO, 0));
        }
        return new ExperimentPlan("bench", 1, Duration.ofMinutes(1), Duration.ofSeconds(10), RuntimeKind.LOCAL, machines,
                links);
    }

    @Test
    void configuredAgainstMeasured() throws Exception {
        StringBuilder out = new StringBuilder();
        HostCapabilities host = HostCapabilities.probe();
        if (host.namespaces()) {
            out.append(table("namespace mode", new LocalRuntime(LocalPlans.noJars(), true, true), logs.resolve("ns")));
            out.append(loss());
            out.append(deployTimeAndSamplingCost());
        }
        out.append(table("loopback mode", new LocalRuntime(LocalPlans.noJars(), true, false), logs.resolve("lo")));
        System.out.println(out);
        Path report = Path.of("target", "benchmarks", "local-links.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out);
    }

    private static String table(String title, LocalRuntime runtime, Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("\n### " + title + "\n\n" + runtime.describe() + "\n\n");
        sb.append("| case | direction | configured | measured | error |\n| --- | --- | ---: | ---: | ---: |\n");
        try (LocalDeployment d = (LocalDeployment) runtime.deploy(cases(FreePort.pick()), dir)) {
            List<LinkRow> rows = LinkRow.SCHEMA.readAll(LinkRow.SCHEMA.in(dir));
            double baseRtt = Double.NaN;
            for (LinkRow row : rows) {
                if (row.from().startsWith("rate") && row.to().equals("cloud")) {
                    baseRtt = Double.isNaN(baseRtt) ? row.measuredRttMs() : Math.min(baseRtt, row.measuredRttMs());
                }
            }
            for (LinkRow row : rows) {
                String edge = row.from().equals("cloud") ? row.to() : row.from();
                double configuredMbps = row.configuredMbps();
                double measuredMbps = row.measuredMbps();
                if (edge.startsWith("rate")) {
                    sb.append(String.format(Locale.ROOT, "| rate %s Mbit/s | %s -> %s | %.2f Mbit/s | %.2f Mbit/s | %+.1f%% |\n",
                            edge.substring(4), row.from(), row.to(), configuredMbps, measuredMbps,
                            100 * (measuredMbps - configuredMbps) / configuredMbps));
                } else if (row.to().equals("cloud")) {
                    double configured = row.configuredRttMs();
                    double measured = row.measuredRttMs();
                    sb.append(String.format(Locale.ROOT,
                            "| delay %s ms one way | round trip | %.1f ms | %.2f ms (base %.2f ms) | %+.2f ms |\n",
                            edge.substring(5), configured, measured, baseRtt, measured - configured));
                }
            }
        }
        return sb.toString();
    }

    /** Share of packets dropped by the BPF loss filter for 1, 5 and 20 % (from tc's counters). */
    private static String loss() throws Exception {
        StringBuilder sb = new StringBuilder("\n### loss (namespace mode, tc BPF random drop)\n\n");
        sb.append("| configured | packets passed | packets dropped | measured |\n| ---: | ---: | ---: | ---: |\n");
        for (double loss : new double[] {1, 5, 20}) {
            List<MachinePlan> machines = List.of(LocalPlans.cloud(FreePort.pick(), Resources.NONE), LocalPlans.edge("edge1", List.of()));
            List<LinkPlan> links = List.of(new LinkPlan("edge1", "cloud", 20_000_000, Duration.ZERO, Duration.ZERO, loss));
            ExperimentPlan plan = new ExperimentPlan("loss", 1, Duration.ofMinutes(1), Duration.ofSeconds(10),
                    RuntimeKind.LOCAL, machines, links);
            Path dir = Files.createTempDirectory("acai-loss");
            try (LocalDeployment d = (LocalDeployment) new LocalRuntime(LocalPlans.noJars(), true, true).deploy(plan, dir)) {
                // the cloud is machine 0: its bridge port carries what edge1 (link 1) sends to it
                String stats = HostCommand.run("tc", "-s", "class", "show", "dev", "a" + d.runId() + "v0");
                long passed = packets(stats, "1:1001");
                long dropped = dropped(stats, "1:2001");
                sb.append(String.format(Locale.ROOT, "| %.0f%% | %d | %d | %.2f%% |\n", loss, passed, dropped,
                        100.0 * dropped / Math.max(1, passed + dropped)));
            }
        }
        return sb.toString();
    }

    private static long packets(String stats, String classId) {
        String block = block(stats, classId);
        String sent = block.substring(block.indexOf("Sent "));
        return Long.parseLong(sent.split(" ")[3]);
    }

    private static long dropped(String stats, String classId) {
        String block = block(stats, classId);
        String d = block.substring(block.indexOf("dropped ") + 8);
        return Long.parseLong(d.substring(0, d.indexOf(',')));
    }

    private static String block(String stats, String classId) {
        int start = stats.indexOf("class htb " + classId + " ");
        int end = stats.indexOf("class htb", start + 10);
        return stats.substring(start, end < 0 ? stats.length() : end);
    }

    /** Deploy time of 1 cloud + 10 edges (10 Mbit/s, 20 ms each way) and the CPU of sample() at that size. */
    private static String deployTimeAndSamplingCost() throws Exception {
        List<MachinePlan> machines = new ArrayList<>(List.of(LocalPlans.cloud(FreePort.pick(), Resources.NONE)));
        List<LinkPlan> links = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            machines.add(LocalPlans.edge("edge" + i, List.of()));
            links.add(new LinkPlan("edge" + i, "cloud", 10_000_000, Duration.ofMillis(20), Duration.ZERO, 0));
            links.add(new LinkPlan("cloud", "edge" + i, 10_000_000, Duration.ofMillis(20), Duration.ZERO, 0));
        }
        ExperimentPlan plan = new ExperimentPlan("eleven", 1, Duration.ofMinutes(1), Duration.ofSeconds(10),
                RuntimeKind.LOCAL, machines, links);
        StringBuilder sb = new StringBuilder("\n### 1 cloud + 10 edges (namespace mode)\n\n");
        sb.append("| step | time |\n| --- | ---: |\n");
        for (boolean measure : new boolean[] {false, true}) {
            Path dir = Files.createTempDirectory("acai-eleven");
            long start = System.nanoTime();
            LocalDeployment d = (LocalDeployment) new LocalRuntime(LocalPlans.noJars(), measure, true).deploy(plan, dir);
            double deploySeconds = (System.nanoTime() - start) / 1e9;
            sb.append(String.format(Locale.ROOT, "| deploy (network, shaping, relays, cgroups, 11 processes)%s | %.1f s |\n",
                    measure ? " + measuring 20 directions" : "", deploySeconds));
            if (!measure) {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                d.sample();
                int samples = 20;
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int i = 0; i < samples; i++) {
                    d.sample();
                }
                double cpuPerSample = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / samples;
                double wallPerSample = (System.nanoTime() - wall) / 1e6 / samples;
                sb.append(String.format(Locale.ROOT, "| sample() of 11 process trees, CPU per call (wall %.1f ms) | %.1f ms"
                        + " = %.3f%% of a core at one call per 10 s |\n", wallPerSample, cpuPerSample, cpuPerSample / 100));
            }
            long close = System.nanoTime();
            d.close();
            sb.append(String.format(Locale.ROOT, "| close (stop, remove everything) | %.1f s |\n", (System.nanoTime() - close) / 1e9));
        }
        return sb.toString();
    }
}
