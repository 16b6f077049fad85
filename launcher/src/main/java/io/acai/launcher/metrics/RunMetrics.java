package io.acai.launcher.metrics;

import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.UpdateRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The learning and consumption metrics of a run (docs/metrics.md), per machine: every edge's accuracy around its
 * drift, gain over its control, model versions, update latency and traffic; every cloud's retrains and forgetting;
 * every machine's CPU-seconds and peak memory.
 *
 * @param machines  every machine, sorted by name
 * @param controlOf each control edge to the edge it is the control of
 */
public record RunMetrics(List<MachineMetrics> machines, Map<String, String> controlOf) {

    public RunMetrics {
        machines = List.copyOf(machines);
        controlOf = Map.copyOf(controlOf);
    }

    public static RunMetrics of(RunRecords records, RunSettings settings) {
        Map<String, List<ConsumptionRow>> consumption = new TreeMap<>();
        records.consumption().forEach(r -> consumption.computeIfAbsent(r.machine(), m -> new ArrayList<>()).add(r));
        Map<String, EdgeLearningMetrics> learning = new LinkedHashMap<>();
        for (EdgeRecords edge : records.edges()) {
            learning.put(edge.name(), EdgeLearningMetrics.of(
                    DriftTimeline.of(edge.inference(), settings.drift(edge.name()))));
        }
        Map<String, MachineMetrics> machines = new TreeMap<>();
        for (EdgeRecords edge : records.edges()) {
            Map<Metric, MetricValue> values = new EnumMap<>(Metric.class);
            EdgeLearningMetrics own = learning.get(edge.name());
            values.put(Metric.ACCURACY_BEFORE_DRIFT, own.beforeDrift());
            values.put(Metric.ACCURACY_DIP, own.dip());
            values.put(Metric.TIME_TO_RECOVER, own.timeToRecover());
            values.put(Metric.ACCURACY_AFTER_DRIFT, own.afterDrift());
            values.put(Metric.ACCURACY_LAST_30S, own.last30s());
            values.put(Metric.ACCURACY_LAST_2MIN, own.last2min());
            gains(edge.name(), own, learning, settings, values);
            values.put(Metric.MODEL_VERSIONS, modelVersions(edge.inference()));
            UpdateLatency latency = UpdateLatency.of(edge.updates());
            values.put(Metric.UPDATE_LATENCY_MEDIAN, latency.median());
            values.put(Metric.UPDATE_LATENCY_P95, latency.p95());
            values.put(Metric.BYTES_UP, MetricValue.of(sum(edge.updates(), UpdateRow::bytesUp)));
            values.put(Metric.BYTES_DOWN, MetricValue.of(sum(edge.updates(), UpdateRow::bytesDown)));
            consumption(values, consumption.get(edge.name()));
            machines.put(edge.name(), new MachineMetrics(edge.name(), "edge", values));
        }
        for (CloudRecords cloud : records.clouds()) {
            Map<Metric, MetricValue> values = new EnumMap<>(Metric.class);
            values.put(Metric.RETRAINS, MetricValue.of(cloud.retrains().size()));
            values.put(Metric.FORGETTING, Forgetting.of(cloud.holdout()));
            consumption(values, consumption.get(cloud.name()));
            machines.merge(cloud.name(), new MachineMetrics(cloud.name(), "cloud", values), RunMetrics::both);
        }
        consumption.forEach((machine, samples) -> machines.computeIfAbsent(machine, m -> {
            Map<Metric, MetricValue> values = new EnumMap<>(Metric.class);
            consumption(values, samples);
            return new MachineMetrics(machine, samples.get(0).cloudOrEdge(), values);
        }));
        return new RunMetrics(List.copyOf(machines.values()), settings.controlOf());
    }

    /** The machine of that name, if the run has it. */
    public Optional<MachineMetrics> machine(String name) {
        return machines.stream().filter(m -> m.machine().equals(name)).findFirst();
    }

    /** The edges, sorted by name. */
    public List<MachineMetrics> edges() {
        return machines.stream().filter(MachineMetrics::isEdge).toList();
    }

    private static void gains(String edge, EdgeLearningMetrics own, Map<String, EdgeLearningMetrics> learning,
                              RunSettings settings, Map<Metric, MetricValue> values) {
        if (settings.isControl(edge)) {
            MetricValue control = MetricValue.notMeasured(edge + " is the control of " + settings.controlOf().get(edge));
            values.put(Metric.GAIN_AFTER_DRIFT, control);
            values.put(Metric.GAIN_LAST_30S, control);
            values.put(Metric.GAIN_LAST_2MIN, control);
            return;
        }
        Optional<String> controlName = settings.controlFor(edge);
        if (controlName.isEmpty()) {
            values.put(Metric.GAIN_AFTER_DRIFT, MetricValue.notMeasured("no control"));
            values.put(Metric.GAIN_LAST_30S, MetricValue.notMeasured("no control"));
            values.put(Metric.GAIN_LAST_2MIN, MetricValue.notMeasured("no control"));
            return;
        }
        String name = controlName.get();
        EdgeLearningMetrics control = learning.get(name);
        if (control == null) {
            MetricValue absent = MetricValue.notMeasured("control " + name + " wrote no files");
            values.put(Metric.GAIN_AFTER_DRIFT, absent);
            values.put(Metric.GAIN_LAST_30S, absent);
            values.put(Metric.GAIN_LAST_2MIN, absent);
            return;
        }
        values.put(Metric.GAIN_AFTER_DRIFT, ControlGain.of(own.afterDrift(), control.afterDrift(), name));
        values.put(Metric.GAIN_LAST_30S, ControlGain.of(own.last30s(), control.last30s(), name));
        values.put(Metric.GAIN_LAST_2MIN, ControlGain.of(own.last2min(), control.last2min(), name));
    }

    private static MetricValue modelVersions(List<InferenceRow> inference) {
        TreeSet<String> versions = new TreeSet<>(Forgetting::compareVersions);
        inference.stream().map(InferenceRow::modelVersion).filter(v -> !v.isBlank()).forEach(versions::add);
        if (versions.isEmpty()) {
            return MetricValue.notMeasured("no inference rows with a model version");
        }
        return new MetricValue(versions.size(), "v" + versions.first() + " to v" + versions.last());
    }

    private static double sum(List<UpdateRow> updates, ToDoubleFunction<UpdateRow> bytes) {
        return updates.stream().mapToDouble(bytes).filter(Double::isFinite).sum();
    }

    private static void consumption(Map<Metric, MetricValue> values, List<ConsumptionRow> samples) {
        MachineConsumption usage = MachineConsumption.of(samples == null ? List.of() : samples);
        values.put(Metric.CPU_SECONDS, usage.cpuSeconds());
        values.put(Metric.PEAK_MEMORY, usage.peakMemory());
    }

    private static MachineMetrics both(MachineMetrics edge, MachineMetrics cloud) {
        Map<Metric, MetricValue> values = new EnumMap<>(Metric.class);
        values.putAll(edge.values());
        values.putAll(cloud.values());
        return new MachineMetrics(edge.machine(), cloud.role(), values);
    }
}
