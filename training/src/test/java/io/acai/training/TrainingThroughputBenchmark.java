package io.acai.training;

import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * DJL training throughput, images per second, on CPU: one warm-up epoch, then a timed one. Run by the
 * {@code benchmarks} profile, not by {@code mvn verify}:
 * {@code mvn -B test -Pbenchmarks -pl training -am -Dtest=TrainingThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Options:
 * {@code -Dacai.benchmark.cfg=} (default: {@code ../shared/data/darknet/cfg/yolov3-tiny.cfg} at 416,
 * or {@code acai-shapes}, the shipped default at 256x256, or {@code acai-shapes-192}, its layers at 192x192),
 * {@code -Dacai.benchmark.batch=8}, {@code -Dacai.benchmark.steps=3}; PyTorch's
 * threads with {@code -Dai.djl.pytorch.num_threads=N}. Prints wall-clock images per second and, since
 * a shared machine lends a process only part of its cores, images per CPU-second of the process.
 */
@Tag("benchmark")
public final class TrainingThroughputBenchmark {

    @Test
    void report() throws IOException {
        String which = System.getProperty("acai.benchmark.cfg", "yolov3-tiny");
        int batch = Integer.getInteger("acai.benchmark.batch", 8);
        int steps = Integer.getInteger("acai.benchmark.steps", 3);
        DarknetConfig cfg = switch (which) {
            case "acai-shapes-192" -> TrainingFixtures.acaiShapes();
            case "acai-shapes" -> DarknetConfig.read(SharedData.projectRoot()
                    .resolve("default-model/src/main/resources/io/acai/model/acai-shapes.cfg"));
            case "yolov3-tiny" -> DarknetConfig.read(SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg"));
            default -> DarknetConfig.read(Path.of(which));
        };
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cfg.classes(); i++) {
            names.add("class" + i);
        }
        byte[] weights = DarknetWeights.initial(cfg, 1).encode();
        List<LabeledFrame> frames = TrainingFixtures.frames(batch * steps, 11);
        DetectorTrainer trainer = new DetectorTrainer(cfg, ClassNames.of(names),
                TrainingSettings.builder().setEpochs(1).setBatchSize(batch).optLearningRate(1e-4f)
                        .optDevice(TrainingDevice.CPU).optSeed(1).build());
        trainer.train(weights, frames.subList(0, batch)); // warm-up
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        TrainingResult result = trainer.train(weights, frames);
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        System.out.printf(Locale.ROOT, "%s %dx%d batch %d on %s, %s PyTorch threads: %d images in %.1f s = %.2f images/s"
                + " wall clock; %.1f CPU-s = %.2f images per CPU-second; load average %.1f%n",
                cfg.source().getFileName(), cfg.net().width(), cfg.net().height(), batch, result.device(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"), result.images(),
                result.elapsed().toMillis() / 1000.0, result.imagesPerSecond(), cpuSeconds,
                result.images() / cpuSeconds, os.getSystemLoadAverage());
    }
}
