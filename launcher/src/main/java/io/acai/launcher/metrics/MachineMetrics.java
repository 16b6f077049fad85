package io.acai.launcher.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one machine, in {@link Metric} order.
 *
 * @param role {@code edge} or {@code cloud}
 */
public record MachineMetrics(String machine, String role, Map<Metric, MetricValue> values) {

    public MachineMetrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The metric's value; not measured when the machine does not have it. */
    public MetricValue value(Metric metric) {
        return values.getOrDefault(metric, MetricValue.notMeasured(metric.key() + " is not a metric of a " + role));
    }

    public boolean isEdge() {
        return "edge".equals(role);
    }
}
