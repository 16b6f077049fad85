package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acai.records.run.InferenceRow;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    private static final double T0 = 1_764_000_000_000.0;

    @Test
    void accuracyBeforeAndAfterUseTheFiveWindowsNextToTheUpdate() {
        List<InferenceRow> rows = new ArrayList<>();
        for (int s = 1; s <= 40; s++) {
            double accuracy = s <= 10 ? 0.9 : s <= 20 ? 0.3 : s <= 25 ? 0.8 : 0.6;
            rows.add(new InferenceRow(T0 + s * 1000, 40, 10, 0.2, 10, accuracy, s <= 20 ? "1" : "2"));
        }
        UpdateRow update = new UpdateRow(T0 + 15_000, T0 + 15_300, T0 + 15_400, T0 + 16_000, T0 + 20_000,
                T0 + 20_500, 50, 400_000, 1_200_000, "2");
        ExperimentLogs logs = logs(rows, List.of(update), List.of());

        RunSummary summary = RunSummary.of(logs, logs.clock());

        UpdateSummary only = summary.updates().get(0);
        assertThat(only.accuracyBefore()).isCloseTo(0.3, within(1e-9));
        assertThat(only.accuracyAfter()).isCloseTo(0.8, within(1e-9));
        assertThat(summary.edges().get(0).frames()).isEqualTo(400);
        assertThat(summary.edges().get(0).accuracy()).isCloseTo((10 * 0.9 + 10 * 0.3 + 5 * 0.8 + 15 * 0.6) / 40,
                within(1e-9));
        assertThat(summary.edges().get(0).lastModel()).isEqualTo("2");
    }

    @Test
    void modelPushedWithoutAnUploadCountsAsASwapButNotAsARound() {
        List<InferenceRow> rows = new ArrayList<>();
        for (int s = 1; s <= 20; s++) {
            rows.add(new InferenceRow(T0 + s * 1000, 40, 10, 0.2, 10, s <= 10 ? 0.5 : 0.7, s <= 10 ? "1" : "3"));
        }
        double nan = Double.NaN;
        UpdateRow pushed = new UpdateRow(nan, nan, nan, nan, T0 + 9_200, T0 + 10_100, 0, 0, 1_200_000, "3");
        ExperimentLogs logs = logs(rows, List.of(pushed), List.of());

        RunSummary summary = RunSummary.of(logs, logs.clock());

        assertThat(UpdateRound.of(logs)).isEmpty();
        assertThat(summary.uploads()).isZero();
        assertThat(summary.edges().get(0).updates()).isEqualTo(1);
        UpdateSummary only = summary.updates().get(0);
        assertThat(only.label()).isEqualTo("edge1 push");
        assertThat(only.startS()).isCloseTo(8.2, within(1e-9));
        assertThat(only.loopS()).isCloseTo(0.9, within(1e-9));
        assertThat(only.accuracyBefore()).isCloseTo(0.5, within(1e-9));
        assertThat(only.accuracyAfter()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void updateLoopTakesTheRetrainFromTheCloudRowOfTheSameModelVersion() {
        UpdateRow update = new UpdateRow(T0, T0 + 300, T0 + 400, T0 + 2_400, T0 + 30_400, T0 + 31_400, 50, 400_000,
                1_200_000, "2");
        RetrainRow retrain = new RetrainRow(T0 + 2_450, T0 + 27_450, T0 + 27_850, T0 + 28_050, T0 + 28_150, 50, 1, 5,
                4.8, 1.9, "cpu", "2");
        ExperimentLogs logs = logs(List.of(), List.of(update), List.of(retrain));

        UpdateRound round = UpdateRound.of(logs).get(0);

        assertThat(round.prepareS()).isCloseTo(0.4, within(1e-9));
        assertThat(round.uploadS()).isCloseTo(2.0, within(1e-9));
        assertThat(round.retrainS()).isCloseTo(25.0, within(1e-9));
        assertThat(round.pushS()).isCloseTo(3.0, within(1e-9));
        assertThat(round.loadS()).isCloseTo(1.0, within(1e-9));
        assertThat(round.totalS()).isCloseTo(31.4, within(1e-9));
        assertThat(round.retrainFromCloud()).isTrue();
    }

    @Test
    void withoutACloudRowTheRetrainCoversUploadEndToReceive() {
        UpdateRow update = new UpdateRow(T0, T0 + 300, T0 + 400, T0 + 2_400, T0 + 30_400, T0 + 31_400, 50, 400_000,
                1_200_000, "7");
        ExperimentLogs logs = logs(List.of(), List.of(update), List.of());

        UpdateRound round = UpdateRound.of(logs).get(0);

        assertThat(round.retrainS()).isCloseTo(28.0, within(1e-9));
        assertThat(round.pushS()).isZero();
        assertThat(round.retrainFromCloud()).isFalse();
    }

    private static ExperimentLogs logs(List<InferenceRow> inference, List<UpdateRow> updates,
                                       List<RetrainRow> retrains) {
        return new ExperimentLogs(Path.of("logs"), List.of(new EdgeLogs("edge1", inference, updates)),
                List.of(new CloudLogs("cloud", retrains)), List.of(), List.of(), new ReportNotes(),
                java.util.Map.of());
    }
}
