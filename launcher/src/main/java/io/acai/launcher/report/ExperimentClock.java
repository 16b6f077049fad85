package io.acai.launcher.report;

/** Turns epoch milliseconds into seconds since the experiment started, the time axis of every chart. */
public record ExperimentClock(double startMillis) {

    public double seconds(double epochMillis) {
        return (epochMillis - startMillis) / 1000.0;
    }
}
