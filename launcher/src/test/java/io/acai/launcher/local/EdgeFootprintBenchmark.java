package io.acai.launcher.local;

import io.acai.records.run.InferenceRow;

import io.acai.launcher.plan.Resources;
import io.acai.options.LauncherWatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One edge alone, per set of JVM flags and environment variables, for docs/benchmarks.md ("Scale on one host"):
 * {@code mvn -B test -Pbenchmarks -pl launcher -am -Dtest=EdgeFootprintBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * after {@code mvn -B package -DskipTests -pl edge-app -am}. Each case starts {@code edge-app.jar --static} at 1
 * frame/s through the local runtime's own {@link MachineProcess} and, as root, inside the machine's cgroup
 * ({@value #CPU_MILLIS}m CPU, {@value #MEMORY_MIB} MiB, the limits of {@code experiments/scale-20.json}), and reads:
 * seconds from the start to the "frames from" line of its log (it serves from then on), CPU seconds spent until then
 * ({@code /proc/<pid>/stat}), CPU milliseconds per frame over the next {@value #FIRST_SECONDS} s and from then to
 * {@code -Dacai.footprint.until} (default 90) s after the first frame, and resident memory ({@code VmRSS}, {@code VmHWM}
 * of {@code /proc/<pid>/status}) at the end. The cases: the flags the launcher passed before, the flags it passes now
 * ({@link MachineCommand}), and two more levers on top; {@code -Dacai.footprint.levers=true} adds each lever alone on
 * top of the old flags. {@code -Dacai.footprint.rounds=N} runs the cases N times, interleaved. Prints a markdown
 * table; asserts nothing.
 */
@Tag("benchmark")
class EdgeFootprintBenchmark {

    static final long CPU_MILLIS = 250;
    static final long MEMORY_MIB = 512;
    /** CPU per frame is read over the first this many seconds of serving... */
    static final int FIRST_SECONDS = 30;
    /** ...and over the seconds from then to this many after the start of serving ({@code -Dacai.footprint.until}). */
    static final int UNTIL_SECONDS = Integer.getInteger("acai.footprint.until", 90);
    static final double RATE = 1.0;

    /** Under the module's target folder, not the temporary one: the edges' working folders stay inside the checkout. */
    private final Path logs = Path.of("target", "benchmarks", "edge-footprint").toAbsolutePath();

    record Case(String name, List<String> jvm, Map<String, String> env) {
    }

    record Result(String name, double serveSeconds, double startCpuSeconds, double firstMsPerFrame,
                  double laterMsPerFrame, long rssMib, long hwmMib, long frames) {
    }

    @Test
    void footprintPerFlagSet() throws Exception {
        AppJars jars = AppJars.locate();
        if (Files.isDirectory(logs)) {
            try (var old = Files.walk(logs)) {
                old.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
        Files.createDirectories(logs);
        Resources limits = new Resources(0, CPU_MILLIS, 0, MEMORY_MIB * 1024 * 1024, 0);
        // what MachineCommand passed an edge before this benchmark: half the memory limit as heap, the CPU limit as processors
        List<String> today = List.of("-Xmx" + MEMORY_MIB / 2 + "m", "-XX:ActiveProcessorCount=" + limits.processors());
        Path archive = logs.resolve("edge-app.jsa");
        List<String> now = new ArrayList<>(MachineCommand.jvmOptions(limits));
        now.addAll(MachineCommand.EDGE_JVM_OPTIONS);
        Map<String, String> oneThread = Map.of("OMP_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("launcher before (" + String.join(" ", today) + ")", today, Map.of()));
        if (Boolean.getBoolean("acai.footprint.levers")) {
            cases.add(new Case("+ -XX:TieredStopAtLevel=1", plus(today, "-XX:TieredStopAtLevel=1"), Map.of()));
            cases.add(new Case("+ -Xss256k -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m",
                    plus(today, "-Xss256k", "-XX:ReservedCodeCacheSize=32m", "-XX:MaxMetaspaceSize=96m"), Map.of()));
            cases.add(new Case("+ OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1", today, oneThread));
            cases.add(new Case("+ MALLOC_ARENA_MAX=2", today, Map.of("MALLOC_ARENA_MAX", "2")));
            cases.add(new Case("+ AppCDS archive", plus(today, "-XX:SharedArchiveFile=" + archive), Map.of()));
        }
        cases.add(new Case("launcher now (" + String.join(" ", now) + ")", now, Map.of()));
        cases.add(new Case("now + OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1", now, oneThread));
        cases.add(new Case("now + AppCDS archive", plus(now, "-XX:SharedArchiveFile=" + archive), Map.of()));
        String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        TeardownLedger ledger = TeardownLedger.open(logs.resolve("ledgers"), runId);
        CgroupLimits cgroups = HostCapabilities.cgroupLimits(runId);
        StringBuilder out = new StringBuilder("\n### one edge alone, 1 frame/s, " + cgroups.describe() + "\n\n");
        out.append("| case | s to serving | CPU s to serving | CPU ms/frame, first " + FIRST_SECONDS + " s | CPU ms/frame, "
                + FIRST_SECONDS + "-" + UNTIL_SECONDS + " s | VmRSS MiB | VmHWM MiB | frames |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        try {
            dumpArchive(jars, archive, today);
            int rounds = Integer.getInteger("acai.footprint.rounds", 1);
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                for (Case c : cases) {
                    Result r = run(jars, c, "edge" + n++, cgroups.create("edge" + n, limits, ledger), ledger);
                    out.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.1f | %d | %d | %d |%n",
                            r.name(), r.serveSeconds(), r.startCpuSeconds(), r.firstMsPerFrame(), r.laterMsPerFrame(),
                            r.rssMib(), r.hwmMib(), r.frames()));
                    System.out.println(out);
                }
            }
        } finally {
            ledger.undo();
        }
        out.append("\nload average at the end: ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append('\n');
        System.out.println(out);
        Path report = Path.of("target", "benchmarks", "edge-footprint.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out);
    }

    private static List<String> plus(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** A dynamic AppCDS archive of one short run without limits. */
    private void dumpArchive(AppJars jars, Path archive, List<String> jvm) throws Exception {
        Path dir = logs.resolve("dump");
        List<String> command = new ArrayList<>(List.of(MachineCommand.javaBinary().toString()));
        command.addAll(jvm);
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.addAll(edgeArgs(jars, "dump", 12));
        Process p = new ProcessBuilder(command).directory(Files.createDirectories(dir).toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        p.waitFor();
    }

    private static List<String> edgeArgs(AppJars jars, String name, int seconds) {
        return List.of("-jar", jars.edgeJar().toString(), "localhost", "1", "edge.log", "edge_update.log",
                "edge_inf.csv", "edge_update.csv", Double.toString(RATE), name, "--static", "--threads", "1",
                "--duration", seconds + "s");
    }

    private Result run(AppJars jars, Case c, String name, List<Path> cgroup, TeardownLedger ledger) throws Exception {
        Path dir = logs.resolve(name);
        List<String> command = new ArrayList<>(List.of(MachineCommand.javaBinary().toString()));
        command.addAll(c.jvm());
        command.add(LauncherWatch.jvmOptionForThisProcess());
        command.addAll(edgeArgs(jars, name, 300));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(c.env());
        long start = System.nanoTime();
        MachineProcess p = MachineProcess.start(name, command, dir, cgroup, ledger, env);
        try {
            Path log = dir.resolve("edge.log");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
                    .pollInterval(java.time.Duration.ofMillis(50))
                    .failFast(c.name() + ": edge ended", () -> !p.alive())
                    .until(() -> Files.isRegularFile(log) && Files.readString(log).contains("frames from"));
            double serve = (System.nanoTime() - start) / 1e9;
            double cpuAtServe = cpuSeconds(p.pid());
            // the CPU is measured over fixed windows of the edge's run: waiting out the window is the measurement
            Thread.sleep(FIRST_SECONDS * 1000L);
            double cpuFirst = cpuSeconds(p.pid());
            Thread.sleep((UNTIL_SECONDS - FIRST_SECONDS) * 1000L);
            double cpuLater = cpuSeconds(p.pid());
            Map<String, Long> status = status(p.pid());
            long frames = frames(dir.resolve("edge_inf.csv"));
            return new Result(c.name(), serve, cpuAtServe, (cpuFirst - cpuAtServe) * 1000 / (RATE * FIRST_SECONDS),
                    (cpuLater - cpuFirst) * 1000 / (RATE * (UNTIL_SECONDS - FIRST_SECONDS)), status.get("VmRSS") / 1024,
                    status.get("VmHWM") / 1024, frames);
        } finally {
            MachineProcess.stopAll(List.of(p));
        }
    }

    static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static Map<String, Long> status(long pid) throws Exception {
        Map<String, Long> kib = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Vm")) {
                String[] parts = line.split("\\s+");
                kib.put(parts[0].replace(":", ""), Long.parseLong(parts[1]));
            }
        }
        return kib;
    }

    private static long frames(Path csv) throws Exception {
        if (!Files.isRegularFile(csv)) {
            return 0;
        }
        return InferenceRow.SCHEMA.readAll(csv).stream().mapToLong(r -> (long) r.frames()).sum();
    }
}
