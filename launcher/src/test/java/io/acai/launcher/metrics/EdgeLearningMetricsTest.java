package io.acai.launcher.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acai.records.run.InferenceRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy metrics on hand-made {@code edge_inf.csv} files: 1 frame/s, a row of 10 frames every 10 s, the drift
 * after 40 s (frame 40), so rows 0-3 are before the drift and the onset is at 40 s.
 */
class EdgeLearningMetricsTest {

    private static final double[] PRE = {0.8, 0.8, 0.6, 0.6};
    private static final EdgeDrift AT_40_S = EdgeDrift.after(Duration.ofSeconds(40), 1);

    @TempDir
    Path dir;

    private static double[] run(double... after) {
        double[] all = new double[PRE.length + after.length];
        System.arraycopy(PRE, 0, all, 0, PRE.length);
        System.arraycopy(after, 0, all, PRE.length, after.length);
        return all;
    }

    private MachineMetrics only(RunSettings settings, String edge, double... accuracies) throws Exception {
        RunRecords records = new HandMadeRun(dir).edge(edge, accuracies).records();
        return RunMetrics.of(records, settings).machine(edge).orElseThrow();
    }

    private static RunSettings drift(String... edges) {
        Map<String, EdgeDrift> drifts = new java.util.HashMap<>();
        for (String edge : edges) {
            drifts.put(edge, AT_40_S);
        }
        return new RunSettings(drifts, Map.of(), "drift onset unknown (test)");
    }

    @Test
    void dipsRecoversAndGivesEachAccuracyInPercent() throws Exception {
        // rolling 30 s after the onset: 30 s -> (.2+.3+.1)/3 = 20 %, 40 s -> 20 %, 50 s -> 26.7 %, 60 s -> 43.3 %,
        // 70 s -> 60 %, 80 s -> 66.7 %, the first within 5 points of 70 %
        MachineMetrics edge = only(drift("edge"), "edge", run(0.2, 0.3, 0.1, 0.2, 0.5, 0.6, 0.7, 0.7));

        assertThat(edge.value(Metric.ACCURACY_BEFORE_DRIFT).value()).isCloseTo(70, within(1e-9));
        assertThat(edge.value(Metric.ACCURACY_DIP).value()).isCloseTo(20, within(1e-9));
        assertThat(edge.value(Metric.TIME_TO_RECOVER).value()).isCloseTo(80, within(1e-9));
        assertThat(edge.value(Metric.ACCURACY_AFTER_DRIFT).value()).isCloseTo(100 * 3.3 / 8, within(1e-9));
        assertThat(edge.value(Metric.ACCURACY_LAST_30S).value()).isCloseTo(100 * 2.0 / 3, within(1e-9));
        assertThat(edge.value(Metric.MODEL_VERSIONS)).isEqualTo(new MetricValue(1, "v0 to v0"));
    }

    @Test
    void theLastTwoMinutesAreTheRowsThatEndedInThem() throws Exception {
        // 16 rows ending at 10..160 s: the last 2 minutes are the rows ending in (40 s, 160 s], the last twelve
        MachineMetrics edge = only(drift("edge"), "edge",
                run(0.0, 0.0, 0.0, 0.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.9, 0.9));

        assertThat(edge.value(Metric.ACCURACY_LAST_2MIN).value()).isCloseTo(100 * 4.8 / 12, within(1e-9));
        assertThat(edge.value(Metric.ACCURACY_LAST_30S).value()).isCloseTo(100 * 2.3 / 3, within(1e-9));
    }

    @Test
    void anEdgeThatStaysLowIsNotRecovered() throws Exception {
        MachineMetrics edge = only(drift("edge"), "edge", run(0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2));

        assertThat(edge.value(Metric.ACCURACY_DIP).value()).isCloseTo(20, within(1e-9));
        assertThat(edge.value(Metric.TIME_TO_RECOVER)).isEqualTo(MetricValue.notRecovered());
        assertThat(edge.value(Metric.TIME_TO_RECOVER).note()).isEqualTo("not recovered");
    }

    @Test
    void anEdgeThatNeverFallsMoreThanFivePointsRecoversInNoTime() throws Exception {
        MachineMetrics edge = only(drift("edge"), "edge", run(0.66, 0.7, 0.7, 0.7));

        assertThat(edge.value(Metric.ACCURACY_DIP).value()).isCloseTo(100 * 2.06 / 3, within(1e-9));
        assertThat(edge.value(Metric.TIME_TO_RECOVER)).isEqualTo(new MetricValue(0, "never more than 5 points below"));
    }

    @Test
    void lessThanThirtySecondsAfterTheDriftHasNoDipButHasTheMeans() throws Exception {
        MachineMetrics edge = only(drift("edge"), "edge", run(0.1, 0.3));

        assertThat(edge.value(Metric.ACCURACY_DIP).note()).isEqualTo("not measured: less than 30 s after the drift");
        assertThat(edge.value(Metric.TIME_TO_RECOVER).measured()).isFalse();
        assertThat(edge.value(Metric.ACCURACY_AFTER_DRIFT).value()).isCloseTo(20, within(1e-9));
        assertThat(edge.value(Metric.ACCURACY_BEFORE_DRIFT).value()).isCloseTo(70, within(1e-9));
    }

    @Test
    void aRunThatEndsBeforeTheDriftHasOnlyTheLastThirtySeconds() throws Exception {
        MachineMetrics edge = only(drift("edge"), "edge", 0.8, 0.8, 0.6);

        for (Metric metric : List.of(Metric.ACCURACY_BEFORE_DRIFT, Metric.ACCURACY_DIP, Metric.TIME_TO_RECOVER,
                Metric.ACCURACY_AFTER_DRIFT)) {
            assertThat(edge.value(metric).note()).as(metric.key())
                    .isEqualTo("not measured: the run ended before the drift (frame 40)");
        }
        assertThat(edge.value(Metric.ACCURACY_LAST_30S).value()).isCloseTo(100 * 2.2 / 3, within(1e-9));
    }

    @Test
    void anEdgeWithoutDriftHasNoDriftMetrics() throws Exception {
        RunSettings settings = new RunSettings(Map.of("edge", EdgeDrift.none("no drift (edge reads a dataset)")),
                Map.of(), "");

        MachineMetrics edge = only(settings, "edge", 0.5, 0.5, 0.5, 0.5, 1.0);

        assertThat(edge.value(Metric.ACCURACY_DIP).note()).isEqualTo("not measured: no drift (edge reads a dataset)");
        assertThat(edge.value(Metric.ACCURACY_BEFORE_DRIFT).measured()).isFalse();
        // the last 30 s: rows ending after 20 s, at 30, 40 and 50 s
        assertThat(edge.value(Metric.ACCURACY_LAST_30S).value()).isCloseTo(100 * 2.0 / 3, within(1e-9));
    }

    @Test
    void anEmptyInferenceFileMeasuresNoAccuracy() throws Exception {
        MachineMetrics edge = only(drift("edge"), "edge");

        assertThat(edge.value(Metric.ACCURACY_BEFORE_DRIFT).note()).isEqualTo("not measured: no inference rows");
        assertThat(edge.value(Metric.ACCURACY_LAST_30S).note()).isEqualTo("not measured: no inference rows");
        assertThat(edge.value(Metric.MODEL_VERSIONS).measured()).isFalse();
        assertThat(edge.value(Metric.BYTES_UP)).isEqualTo(MetricValue.of(0));
        assertThat(edge.value(Metric.CPU_SECONDS).note()).isEqualTo("not measured: no samples in consumption.csv");
    }

    @Test
    void withoutRunSettingsTheDriftIsUnknownAndSaysWhy() throws Exception {
        MachineMetrics edge = only(RunSettings.unknown("drift onset unknown (no run.json in the logs folder)"), "edge",
                run(0.2, 0.3, 0.1));

        assertThat(edge.value(Metric.ACCURACY_DIP).note())
                .isEqualTo("not measured: drift onset unknown (no run.json in the logs folder)");
    }

    @Test
    void aWindowHoldingTheDriftFrameIsInNeitherPeriod() {
        List<InferenceRow> rows = List.of(row(10, 1.0), row(20, 1.0), row(30, 1.0), row(40, 0.5), row(50, 0.0));

        DriftTimeline timeline = DriftTimeline.of(rows, EdgeDrift.after(Duration.ofSeconds(35), 1));

        assertThat(timeline.before()).extracting(InferenceRow::endTime).containsExactly(ms(10), ms(20), ms(30));
        assertThat(timeline.after()).extracting(InferenceRow::endTime).containsExactly(ms(50));
        assertThat(timeline.onsetMillis()).isEqualTo(ms(30));
    }

    @Test
    void aDriftAtTheFirstFrameStartsWhenTheFirstWindowStarted() {
        List<InferenceRow> rows = List.of(row(10, 1.0), row(20, 1.0));

        DriftTimeline timeline = DriftTimeline.of(rows, EdgeDrift.after(Duration.ZERO, 2));

        assertThat(timeline.before()).isEmpty();
        assertThat(timeline.after()).hasSize(2);
        assertThat(timeline.onsetMillis()).isEqualTo(ms(10) - 5000);
    }

    @Test
    void framesAreNumberedInTimeOrderSkippingWindowsWithoutFrames() {
        List<InferenceRow> rows = List.of(row(30, 0.0), new InferenceRow(ms(15), 5, 0, 0, Double.NaN, 1, "0"),
                row(10, 1.0), row(20, 1.0));

        DriftTimeline timeline = DriftTimeline.of(rows, EdgeDrift.after(Duration.ofSeconds(20), 1));

        assertThat(timeline.before()).extracting(InferenceRow::endTime).containsExactly(ms(10), ms(20));
        assertThat(timeline.after()).extracting(InferenceRow::endTime).containsExactly(ms(30));
    }

    private static InferenceRow row(double seconds, double accuracy) {
        return new InferenceRow(ms(seconds), 50, 5, 0, 10, accuracy, "0");
    }

    private static double ms(double seconds) {
        return HandMadeRun.ms(seconds);
    }
}
