package io.acai.cloud.train;

import io.acai.detection.SharedData;
import io.acai.options.AllocatorEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training images/s and inference ms/frame with and without {@link AllocatorEnvironment}, side by
 * side: every measurement runs in a child JVM of its own ({@link AllocatorProbe}), started once with
 * the variables removed from its environment (glibc's defaults) and once with the project's defaults,
 * in alternating order, {@code -Dacai.benchmark.repeats=3} times. Trainer: {@code DetectorTrainer} on
 * drifted scene frames, batch 8, 2 PyTorch threads (1 inter-op), on the default model (192x192) and on
 * yolov3-tiny (official cfg from {@code ../shared}, 416x416, random weights). Inference: the edge's
 * {@code OpenCvDetector.detect} of one scene frame with its defaults (2 OpenCV threads). Each row gives
 * the load average before the child started. Run by the {@code benchmarks} profile:
 *
 * <pre>
 * mvn -B test -Pbenchmarks -pl cloud-app -am -Dtest=AllocatorSettingsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class AllocatorSettingsBenchmark {

    private static final int REPEATS = Integer.getInteger("acai.benchmark.repeats", 3);
    private static final int THREADS = Integer.getInteger("acai.benchmark.threads", 2);

    private record Workload(String label, String unit, List<String> args) {
    }

    private record Measurement(double value, long minorFaults, long peakKib, double load, double seconds) {
    }

    @Test
    void report() throws Exception {
        List<Workload> workloads = List.of(
                new Workload("DetectorTrainer, acai-shapes 192x192, batch 8, " + THREADS + " threads", "images/s",
                        List.of("train", "acai-shapes", "8", "8")),
                new Workload("DetectorTrainer, yolov3-tiny 416x416, batch 8, " + THREADS + " threads", "images/s",
                        List.of("train", "yolov3-tiny", "8", "3")),
                new Workload("OpenCvDetector.detect, acai-shapes 192x192, 2 OpenCV threads", "ms/frame",
                        List.of("infer", "acai-shapes", "300")),
                new Workload("OpenCvDetector.detect, yolov3-tiny 416x416, 2 OpenCV threads", "ms/frame",
                        List.of("infer", "yolov3-tiny", "60")));
        System.out.printf(Locale.ROOT, "%nmachine: %d CPUs visible, %s; allocator settings: %s%n",
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip(),
                AllocatorEnvironment.shellAssignments());
        System.out.println("| workload | repeat | setting | figure | minor page faults (measured part) "
                + "| peak RSS MiB | load average before | child wall s |");
        System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        Map<String, List<Double>> without = new LinkedHashMap<>();
        Map<String, List<Double>> with = new LinkedHashMap<>();
        for (int repeat = 1; repeat <= REPEATS; repeat++) {
            for (Workload workload : workloads) {
                boolean[] order = repeat % 2 == 1 ? new boolean[] {false, true} : new boolean[] {true, false};
                for (boolean settings : order) {
                    Measurement m = measure(workload, settings);
                    (settings ? with : without).computeIfAbsent(workload.label(), k -> new ArrayList<>()).add(m.value());
                    System.out.printf(Locale.ROOT, "| %s | %d | %s | %.2f %s | %,d | %.0f | %.2f | %.0f |%n",
                            workload.label(), repeat, settings ? "with" : "without", m.value(), workload.unit(),
                            m.minorFaults(), m.peakKib() / 1024.0, m.load(), m.seconds());
                }
            }
        }
        System.out.println();
        System.out.println("| workload | without: median (runs) | with: median (runs) | with / without |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (Workload workload : workloads) {
            List<Double> a = without.get(workload.label());
            List<Double> b = with.get(workload.label());
            System.out.printf(Locale.ROOT, "| %s | %.2f %s (%s) | %.2f (%s) | %.2fx |%n", workload.label(), median(a),
                    workload.unit(), list(a), median(b), list(b), median(b) / median(a));
        }
    }

    private static Measurement measure(Workload workload, boolean settings) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + THREADS,
                "-Dai.djl.pytorch.num_interop_threads=1", "-Dorg.bytedeco.javacpp.logger=slf4j",
                "-Dacai.shared=" + SharedData.root().toAbsolutePath(), AllocatorProbe.class.getName()));
        command.addAll(workload.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        AllocatorEnvironment.DEFAULTS.keySet().forEach(builder.environment()::remove);
        if (settings) {
            builder.environment().putAll(AllocatorEnvironment.DEFAULTS);
        }
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("probe " + workload.args() + " failed (exit "
                    + (process.isAlive() ? "none" : process.exitValue()) + "):\n" + output);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = output.lines().filter(l -> l.startsWith(AllocatorProbe.RESULT)).findFirst()
                .orElseThrow(() -> new IllegalStateException("probe " + workload.args() + " printed no result:\n"
                        + output));
        String[] parts = line.split(" ");
        return new Measurement(Double.parseDouble(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]), load,
                seconds);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }
}
