package io.acai.launcher.metrics;

/**
 * The gain of an edge over its static control, in percentage points: the edge's accuracy less its control's over
 * the same stretch (after the drift, or the last 30 s).
 */
public final class ControlGain {

    private ControlGain() {
    }

    public static MetricValue of(MetricValue edge, MetricValue control, String controlName) {
        if (!edge.measured()) {
            return edge;
        }
        if (!control.measured()) {
            return MetricValue.notMeasured("control " + controlName + " has no value (" + control.note() + ")");
        }
        return new MetricValue(edge.value() - control.value(), "over " + controlName);
    }
}
