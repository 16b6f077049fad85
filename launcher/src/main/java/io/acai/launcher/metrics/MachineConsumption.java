package io.acai.launcher.metrics;

import io.acai.records.run.ConsumptionRow;
import java.util.Comparator;
import java.util.List;

/**
 * One machine's consumption over the run, from its {@code consumption.csv} samples. Each sample's {@code cpu_cores}
 * is the average since the machine's previous sample, so CPU-seconds are the sum of {@code cpu_cores} times the
 * time since the previous sample; the first sample counts with the median time between samples (the sample
 * period). Peak memory is the largest {@code memory_mib}.
 */
public record MachineConsumption(MetricValue cpuSeconds, MetricValue peakMemory) {

    /** @param samples the samples of one machine */
    public static MachineConsumption of(List<ConsumptionRow> samples) {
        List<ConsumptionRow> sorted = samples.stream().filter(s -> Double.isFinite(s.time()))
                .sorted(Comparator.comparingDouble(ConsumptionRow::time)).toList();
        if (sorted.isEmpty()) {
            MetricValue none = MetricValue.notMeasured("no samples in " + ConsumptionRow.SCHEMA.fileName());
            return new MachineConsumption(none, none);
        }
        double peak = sorted.stream().mapToDouble(ConsumptionRow::memoryMib).filter(Double::isFinite).max()
                .orElse(Double.NaN);
        MetricValue peakMemory = MetricValue.of(peak, "no memory in the samples");
        if (sorted.size() < 2) {
            return new MachineConsumption(MetricValue.notMeasured("one sample only (no period)"), peakMemory);
        }
        double[] gaps = new double[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) {
            gaps[i - 1] = sorted.get(i).time() - sorted.get(i - 1).time();
        }
        double cpuMillis = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double cores = sorted.get(i).cpuCores();
            if (Double.isFinite(cores)) {
                cpuMillis += cores * (i == 0 ? Percentile.of(gaps, 0.5) : gaps[i - 1]);
            }
        }
        return new MachineConsumption(MetricValue.of(cpuMillis / 1000), peakMemory);
    }
}
