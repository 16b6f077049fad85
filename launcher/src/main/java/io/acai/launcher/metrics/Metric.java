package io.acai.launcher.metrics;

import java.util.List;

/**
 * The metrics of {@code summary.csv} and {@code summary.json}: each one's stable name, unit and which machines have
 * it. Each is defined once, in {@code docs/metrics.md}.
 */
public enum Metric {
    ACCURACY_BEFORE_DRIFT("accuracy_before_drift", "%", "accuracy before drift"),
    ACCURACY_DIP("accuracy_dip", "%", "dip (lowest 30 s after drift)"),
    TIME_TO_RECOVER("time_to_recover", "s", "time to recover"),
    ACCURACY_AFTER_DRIFT("accuracy_after_drift", "%", "accuracy after drift"),
    ACCURACY_LAST_30S("accuracy_last_30s", "%", "accuracy, last 30 s"),
    ACCURACY_LAST_2MIN("accuracy_last_2min", "%", "accuracy, last 2 min"),
    GAIN_AFTER_DRIFT("gain_over_control_after_drift", "points", "gain over control after drift"),
    GAIN_LAST_30S("gain_over_control_last_30s", "points", "gain over control, last 30 s"),
    GAIN_LAST_2MIN("gain_over_control_last_2min", "points", "gain over control, last 2 min"),
    MODEL_VERSIONS("model_versions", "count", "model versions served"),
    UPDATE_LATENCY_MEDIAN("update_latency_median", "s", "update latency, median"),
    UPDATE_LATENCY_P95("update_latency_p95", "s", "update latency, p95"),
    BYTES_UP("bytes_up", "bytes", "bytes up"),
    BYTES_DOWN("bytes_down", "bytes", "bytes down"),
    RETRAINS("retrains", "count", "retrains"),
    FORGETTING("forgetting", "points", "forgetting (held-out pre-drift frames)"),
    CPU_SECONDS("cpu_seconds", "CPU-s", "CPU-seconds"),
    PEAK_MEMORY("peak_memory", "MiB", "peak memory");

    /** What an edge has, in this order. */
    public static final List<Metric> EDGE = List.of(ACCURACY_BEFORE_DRIFT, ACCURACY_DIP, TIME_TO_RECOVER,
            ACCURACY_AFTER_DRIFT, ACCURACY_LAST_30S, ACCURACY_LAST_2MIN, GAIN_AFTER_DRIFT, GAIN_LAST_30S,
            GAIN_LAST_2MIN, MODEL_VERSIONS,
            UPDATE_LATENCY_MEDIAN, UPDATE_LATENCY_P95, BYTES_UP, BYTES_DOWN, CPU_SECONDS, PEAK_MEMORY);
    /** What a cloud has, in this order. */
    public static final List<Metric> CLOUD = List.of(RETRAINS, FORGETTING, CPU_SECONDS, PEAK_MEMORY);
    /** What a machine known only from {@code consumption.csv} has. */
    public static final List<Metric> CONSUMPTION = List.of(CPU_SECONDS, PEAK_MEMORY);

    private final String key;
    private final String unit;
    private final String label;

    Metric(String key, String unit, String label) {
        this.key = key;
        this.unit = unit;
        this.label = label;
    }

    /** The stable snake_case name, as in the files, for example {@code accuracy_before_drift}. */
    public String key() {
        return key;
    }

    /** The unit of its values, for example {@code %} or {@code points} (percentage points). */
    public String unit() {
        return unit;
    }

    /** A short label for a table. */
    public String label() {
        return label;
    }
}
