package io.acai.cloud.train;

import io.acai.detection.SharedData;
import io.acai.model.DefaultModel;
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
 * in rotating order, {@code -Dacai.benchmark.repeats=3} times ({@code -Dacai.benchmark.extraEnv="NAME=value ..."}
 * adds a third setting, the defaults plus those; {@code -Dacai.benchmark.only=yolov3-tiny} keeps the
 * workloads whose label contains it). Trainer: {@code DetectorTrainer} on
 * drifted scene frames, batch 8, 2 PyTorch threads (1 inter-op), on the default model (256x256) and on
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

    private record Measurement(double value, long minorFaults, double cpuSeconds, long peakKib, double load,
            double seconds) {
    }

    @Test
    void report() throws Exception {
        String shapes = "acai-shapes " + DefaultModel.cfg().net().width() + "x" + DefaultModel.cfg().net().height();
        List<Workload> workloads = List.of(
                new Workload("DetectorTrainer, " + shapes + ", batch 8, " + THREADS + " threads", "images/s",
                        List.of("train", "acai-shapes", "8", "8")),
                new Workload("DetectorTrainer, yolov3-tiny 416x416, batch 8, " + THREADS + " threads", "images/s",
                        List.of("train", "yolov3-tiny", "8", "3")),
                new Workload("OpenCvDetector.detect, " + shapes + ", 2 OpenCV threads", "ms/frame",
                        List.of("infer", "acai-shapes", "300")),
                new Workload("OpenCvDetector.detect, yolov3-tiny 416x416, 2 OpenCV threads", "ms/frame",
                        List.of("infer", "yolov3-tiny", "60")))
                .stream().filter(w -> w.label().contains(System.getProperty("acai.benchmark.only", ""))).toList();
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put("without", Map.of());
        settings.put("with", AllocatorEnvironment.DEFAULTS);
        String extra = System.getProperty("acai.benchmark.extraEnv", "");
        if (!extra.isBlank()) {
            Map<String, String> more = new LinkedHashMap<>(AllocatorEnvironment.DEFAULTS);
            for (String pair : extra.strip().split("\\s+")) {
                more.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            settings.put("with + " + extra.strip(), more);
        }
        List<String> names = new ArrayList<>(settings.keySet());
        System.out.printf(Locale.ROOT, "%nmachine: %d CPUs visible, %s; allocator settings: %s%n",
                Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).strip(),
                AllocatorEnvironment.shellAssignments());
        System.out.println("| workload | repeat | setting | figure | minor page faults (measured part) "
                + "| CPU-s (measured part) | peak RSS MiB | load average before | child wall s |");
        System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Map<String, Map<String, List<Double>>> figures = new LinkedHashMap<>();
        for (int repeat = 1; repeat <= REPEATS; repeat++) {
            for (Workload workload : workloads) {
                for (int i = 0; i < names.size(); i++) {
                    String setting = names.get((i + repeat - 1) % names.size());
                    Measurement m = measure(workload, settings.get(setting));
                    figures.computeIfAbsent(workload.label(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(setting, k -> new ArrayList<>()).add(m.value());
                    System.out.printf(Locale.ROOT, "| %s | %d | %s | %.2f %s | %,d | %.1f | %.0f | %.2f | %.0f |%n",
                            workload.label(), repeat, setting, m.value(), workload.unit(), m.minorFaults(),
                            m.cpuSeconds(), m.peakKib() / 1024.0, m.load(), m.seconds());
                }
            }
        }
        System.out.println();
        System.out.println("| workload | setting | median (runs) | against without |");
        System.out.println("| --- | --- | ---: | ---: |");
        for (Workload workload : workloads) {
            Map<String, List<Double>> bySetting = figures.get(workload.label());
            double base = median(bySetting.get("without"));
            for (String setting : names) {
                List<Double> values = bySetting.get(setting);
                System.out.printf(Locale.ROOT, "| %s | %s | %.2f %s (%s) | %.2fx |%n", workload.label(), setting,
                        median(values), workload.unit(), list(values), median(values) / base);
            }
        }
    }

    private static Measurement measure(Workload workload, Map<String, String> allocator)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + THREADS,
                "-Dai.djl.pytorch.num_interop_threads=1", "-Dorg.bytedeco.javacpp.logger=slf4j",
                "-Dacai.shared=" + SharedData.root().toAbsolutePath(), AllocatorProbe.class.getName()));
        command.addAll(workload.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("MALLOC_") || name.equals("GLIBC_TUNABLES"));
        builder.environment().putAll(allocator);
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
        return new Measurement(Double.parseDouble(parts[1]), Long.parseLong(parts[2]), Double.parseDouble(parts[3]),
                Long.parseLong(parts[4]), load, seconds);
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
