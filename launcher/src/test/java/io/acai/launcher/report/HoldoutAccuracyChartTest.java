package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.records.run.HoldoutRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The held-out chart draws the cloud's holdout.csv by version; a cloud without one is drawn nothing and not noted. */
class HoldoutAccuracyChartTest {

    @TempDir
    Path tmp;

    @Test
    void drawsOneLinePerStyleByModelVersionInPercent() throws Exception {
        FixtureLogs.write(tmp);
        ExperimentLogs logs = ExperimentLogs.load(tmp);
        assertThat(logs.clouds()).singleElement().satisfies(c -> assertThat(c.holdout()).hasSize(8));

        XYChart chart = (XYChart) new HoldoutAccuracyChart().draw(logs, logs.clock()).orElseThrow();
        XYSeries before = chart.getSeriesMap().get("pre-drift frames");
        XYSeries after = chart.getSeriesMap().get("drift frames");
        assertThat(before.getXData()).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(before.getYData()).containsExactly(
                Arrays.stream(FixtureLogs.HOLDOUT_PRE_DRIFT).map(a -> 100 * a).toArray());
        assertThat(after.getYData()).containsExactly(
                Arrays.stream(FixtureLogs.HOLDOUT_DRIFT).map(a -> 100 * a).toArray());
    }

    @Test
    void aCloudThatDidNotScoreIsDrawnNothingAndNotNotedAsMissing() throws Exception {
        FixtureLogs.write(tmp);
        Files.delete(HoldoutRow.SCHEMA.in(tmp.resolve("cloud")));
        ExperimentLogs logs = ExperimentLogs.load(tmp);

        assertThat(new HoldoutAccuracyChart().draw(logs, logs.clock())).isEmpty();
        assertThat(logs.notes().missing()).isEmpty();
    }

    @Test
    void aVersionThatIsNotANumberIsLeftOut() {
        assertThat(HoldoutAccuracyChart.version(" 12 ")).isEqualTo(12);
        assertThat(HoldoutAccuracyChart.version("v2")).isNaN();
    }
}
