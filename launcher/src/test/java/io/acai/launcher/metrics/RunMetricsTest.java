package io.acai.launcher.metrics;

import static io.acai.launcher.metrics.HandMadeRun.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acai.records.run.HoldoutRow;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gain over a control, update latency, traffic, consumption and forgetting on hand-made files. */
class RunMetricsTest {

    private static final EdgeDrift AT_40_S = EdgeDrift.after(Duration.ofSeconds(40), 1);
    private static final double N = Double.NaN;

    @TempDir
    Path dir;

    @Test
    void anEdgeGainsOverItsControlInPointsAndTheControlHasNoGain() throws Exception {
        RunRecords records = new HandMadeRun(dir)
                .edge("edge", 0.8, 0.8, 0.6, 0.6, 0.2, 0.3, 0.1, 0.2, 0.5, 0.6, 0.7, 0.7)
                .edge("static", 0.8, 0.8, 0.6, 0.6, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2)
                .edge("alone", 0.5, 0.5, 0.5, 0.5, 0.5)
                .records();
        RunSettings settings = new RunSettings(Map.of("edge", AT_40_S, "static", AT_40_S, "alone", AT_40_S),
                Map.of("static", "edge"), "");

        RunMetrics metrics = RunMetrics.of(records, settings);

        MachineMetrics edge = metrics.machine("edge").orElseThrow();
        // after the drift: 41.25 % against 20 %; last 30 s: 66.7 % against 20 %
        assertThat(edge.value(Metric.GAIN_AFTER_DRIFT).value()).isCloseTo(21.25, within(1e-9));
        assertThat(edge.value(Metric.GAIN_LAST_30S).value()).isCloseTo(100 * 2.0 / 3 - 20, within(1e-9));
        assertThat(edge.value(Metric.GAIN_LAST_30S).note()).isEqualTo("over static");
        // last 2 min, rows ending in (0 s, 120 s]: all twelve, 6.1 / 12 against 4.4 / 12
        assertThat(edge.value(Metric.ACCURACY_LAST_2MIN).value()).isCloseTo(100 * 6.1 / 12, within(1e-9));
        assertThat(edge.value(Metric.GAIN_LAST_2MIN).value()).isCloseTo(100 * (6.1 - 4.4) / 12, within(1e-9));
        assertThat(metrics.machine("alone").orElseThrow().value(Metric.GAIN_LAST_2MIN).note())
                .isEqualTo("not measured: no control");
        assertThat(metrics.machine("static").orElseThrow().value(Metric.GAIN_AFTER_DRIFT).note())
                .isEqualTo("not measured: static is the control of edge");
        assertThat(metrics.machine("alone").orElseThrow().value(Metric.GAIN_LAST_30S).note())
                .isEqualTo("not measured: no control");
        assertThat(metrics.machine("static").orElseThrow().value(Metric.TIME_TO_RECOVER).note())
                .isEqualTo("not recovered");
        assertThat(metrics.controlOf()).containsExactly(Map.entry("static", "edge"));
    }

    @Test
    void aControlWithoutFilesOrWithoutAValueGivesNoGain() throws Exception {
        RunRecords records = new HandMadeRun(dir).edge("edge", 0.8, 0.8, 0.6, 0.6, 0.2, 0.3, 0.1)
                .edge("short", 0.8, 0.8, 0.6).records();
        RunSettings missing = new RunSettings(Map.of("edge", AT_40_S), Map.of("ghost", "edge"), "");
        RunSettings ended = new RunSettings(Map.of("edge", AT_40_S, "short", AT_40_S), Map.of("short", "edge"), "");

        assertThat(RunMetrics.of(records, missing).machine("edge").orElseThrow().value(Metric.GAIN_AFTER_DRIFT).note())
                .isEqualTo("not measured: control ghost wrote no files");
        assertThat(RunMetrics.of(records, ended).machine("edge").orElseThrow().value(Metric.GAIN_AFTER_DRIFT).note())
                .isEqualTo("not measured: control short has no value (not measured: the run ended before the drift "
                        + "(frame 40))");
    }

    @Test
    void updateLatencyIsOverOwnUploadsAndTrafficOverEveryUpdate() throws Exception {
        List<UpdateRow> updates = List.of(
                own(100, 110, 1000, 50_000), own(200, 240, 2000, 50_000), own(300, 320, 3000, 50_000),
                own(400, 430, 4000, 50_000),
                new UpdateRow(N, N, N, N, ms(500), ms(501), 0, 0, 50_000, "5"));
        List<InferenceRow> inference = List.of(version(10, "0"), version(20, "0"), version(30, "2"),
                version(40, "10"));
        RunRecords records = new HandMadeRun(dir).edge("edge", inference, updates).records();

        MachineMetrics edge = RunMetrics.of(records, RunSettings.unknown("")).machine("edge").orElseThrow();

        // latencies 10, 20, 30 and 40 s: median 25 s; p95 at position 0.95 x 3 = 2.85, 30 + 0.85 x 10 = 38.5 s
        assertThat(edge.value(Metric.UPDATE_LATENCY_MEDIAN)).isEqualTo(new MetricValue(25, "4 updates"));
        assertThat(edge.value(Metric.UPDATE_LATENCY_P95).value()).isCloseTo(38.5, within(1e-9));
        assertThat(edge.value(Metric.BYTES_UP).value()).isEqualTo(10_000);
        assertThat(edge.value(Metric.BYTES_DOWN).value()).isEqualTo(250_000);
        assertThat(edge.value(Metric.MODEL_VERSIONS)).isEqualTo(new MetricValue(3, "v0 to v10"));
    }

    @Test
    void anEdgeWithoutUploadsHasNoLatency() throws Exception {
        RunRecords records = new HandMadeRun(dir).edge("edge", 0.5).records();

        MachineMetrics edge = RunMetrics.of(records, RunSettings.unknown("")).machine("edge").orElseThrow();

        assertThat(edge.value(Metric.UPDATE_LATENCY_P95).note())
                .isEqualTo("not measured: no update after an upload of its own");
    }

    @Test
    void cpuSecondsWeighEachSampleByTheTimeSinceThePreviousOneAndPeakMemoryIsTheLargest() throws Exception {
        RunRecords records = new HandMadeRun(dir).cloud("cloud", List.of(), null)
                .sample(0, "cloud", "server", 1, 500).sample(10, "cloud", "server", 2, 900)
                .sample(20, "cloud", "server", 2, 700).sample(30, "cloud", "server", 4, 600)
                // gaps of 10 and 20 s: the first sample counts with their median, 15 s
                .sample(0, "edge", "client", 1, 100).sample(10, "edge", "client", 1, 100)
                .sample(30, "edge", "client", 1, 150)
                .sample(5, "probe", "client", 0.5, 10)
                .records();

        RunMetrics metrics = RunMetrics.of(records, RunSettings.unknown(""));

        MachineMetrics cloud = metrics.machine("cloud").orElseThrow();
        assertThat(cloud.value(Metric.CPU_SECONDS).value()).isCloseTo(90, within(1e-9));
        assertThat(cloud.value(Metric.PEAK_MEMORY).value()).isEqualTo(900);
        MachineMetrics edge = metrics.machine("edge").orElseThrow();
        assertThat(edge.role()).isEqualTo("edge");
        assertThat(edge.values().keySet()).containsExactly(Metric.CPU_SECONDS, Metric.PEAK_MEMORY);
        assertThat(edge.value(Metric.CPU_SECONDS).value()).isCloseTo(45, within(1e-9));
        assertThat(metrics.machine("probe").orElseThrow().value(Metric.CPU_SECONDS).note())
                .isEqualTo("not measured: one sample only (no period)");
        assertThat(metrics.machine("probe").orElseThrow().value(Metric.PEAK_MEMORY).value()).isEqualTo(10);
    }

    @Test
    void forgettingIsTheFirstVersionsPreDriftAccuracyLessTheLatestOnes() throws Exception {
        List<HoldoutRow> holdout = List.of(
                holdout(1, "0", HoldoutRow.PRE_DRIFT, 0.8), holdout(2, "0", HoldoutRow.DRIFT, 0.1),
                holdout(3, "9", HoldoutRow.PRE_DRIFT, 0.7), holdout(4, "10", HoldoutRow.PRE_DRIFT, 0.6),
                holdout(5, "10", HoldoutRow.DRIFT, 0.5), holdout(6, "10", HoldoutRow.PRE_DRIFT, 0.65));
        RunRecords records = new HandMadeRun(dir).cloud("cloud", List.of(retrain("9"), retrain("10")), holdout)
                .records();

        MachineMetrics cloud = RunMetrics.of(records, RunSettings.unknown("")).machine("cloud").orElseThrow();

        // v0 80 %, v10 (after v9, as numbers) scored twice: its last score, 65 %
        assertThat(cloud.value(Metric.FORGETTING).value()).isCloseTo(15, within(1e-9));
        assertThat(cloud.value(Metric.FORGETTING).note()).isEqualTo("v0 80.0% -> v10 65.0%");
        assertThat(cloud.value(Metric.RETRAINS)).isEqualTo(MetricValue.of(2));
        assertThat(cloud.values().keySet()).containsExactly(Metric.RETRAINS, Metric.FORGETTING, Metric.CPU_SECONDS,
                Metric.PEAK_MEMORY);
    }

    @Test
    void forgettingIsNotMeasuredWithoutHoldoutFileOrWithOneVersion() throws Exception {
        RunRecords absent = new HandMadeRun(dir.resolve("a")).cloud("cloud", List.of(), null).records();
        RunRecords empty = new HandMadeRun(dir.resolve("b")).cloud("cloud", List.of(), List.of()).records();
        RunRecords one = new HandMadeRun(dir.resolve("c")).cloud("cloud", List.of(),
                List.of(holdout(1, "0", HoldoutRow.PRE_DRIFT, 0.8), holdout(2, "0", HoldoutRow.DRIFT, 0.1))).records();

        assertThat(forgetting(absent)).isEqualTo(MetricValue.notMeasured("no holdout.csv"));
        assertThat(forgetting(empty)).isEqualTo(MetricValue.notMeasured("no pre_drift rows in holdout.csv"));
        assertThat(forgetting(one)).isEqualTo(MetricValue.notMeasured("only model version 0 was scored"));
    }

    private static MetricValue forgetting(RunRecords records) {
        return RunMetrics.of(records, RunSettings.unknown("")).machine("cloud").orElseThrow().value(Metric.FORGETTING);
    }

    private static UpdateRow own(double start, double end, double up, double down) {
        return new UpdateRow(ms(start), ms(start + 0.2), ms(start + 0.3), ms(start + 1), ms(end - 1), ms(end), 20, up,
                down, "1");
    }

    private static InferenceRow version(double seconds, String version) {
        return new InferenceRow(ms(seconds), 50, 5, 0, 10, 0.5, version);
    }

    private static HoldoutRow holdout(double seconds, String version, String style, double accuracy) {
        return new HoldoutRow(ms(seconds), version, style, 60, accuracy, N);
    }

    private static RetrainRow retrain(String version) {
        return new RetrainRow(ms(1), ms(2), ms(3), ms(4), ms(5), 40, 1, 2, 3.1, 2.2, "cpu", version);
    }
}
