package io.acai.launcher.metrics;

/**
 * One metric's value, or why there is none.
 *
 * @param value the value in the metric's unit; NaN when it cannot be given
 * @param note  why there is no value ({@code not recovered}, {@code not measured: ...}), or what the value was
 *              measured against; empty otherwise
 */
public record MetricValue(double value, String note) {

    public static final String NOT_RECOVERED = "not recovered";

    public MetricValue {
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("value: " + value + " (expected: a finite number or NaN)");
        }
        note = note == null ? "" : note;
    }

    public static MetricValue of(double value) {
        return new MetricValue(value, "");
    }

    /** A value with a note, or {@code not measured: <why>} when the value is NaN. */
    public static MetricValue of(double value, String whyMissing) {
        return Double.isNaN(value) ? notMeasured(whyMissing) : of(value);
    }

    /** No value: {@code not measured: <why>}. */
    public static MetricValue notMeasured(String why) {
        return new MetricValue(Double.NaN, "not measured: " + why);
    }

    public static MetricValue notRecovered() {
        return new MetricValue(Double.NaN, NOT_RECOVERED);
    }

    public boolean measured() {
        return !Double.isNaN(value);
    }
}
