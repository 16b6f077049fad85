package io.acai.launcher.run;

import io.acai.detection.SharedData;
import io.acai.launcher.LauncherMain;
import io.acai.launcher.local.FreePort;
import io.acai.launcher.local.PackagedJars;
import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.LinkRow;
import io.acai.records.run.SummaryRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's main command end to end, as a user types it: a config with one cloud and one edge
 * running the real app jars (with the real Yolo-Fastest model from ../shared) behind a shaped link,
 * run for a short while, then the logs folder: consumption rows for both machines, the apps' CSVs
 * collected under {@code logs/<machine>/}, the measured links and the report. Needs Linux, the two
 * app jars ({@code mvn package}) and ../shared; skipped otherwise.
 */
class LauncherEndToEndTest {

    @Test
    void runsASmallTopologyFromItsConfig(@TempDir Path dir) throws Exception {
        PackagedJars.orSkip();
        Path models = SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco").toAbsolutePath();
        String model = models.resolve("yolo-fastest-1.1.cfg") + "," + models.resolve("yolo-fastest-1.1.weights") + ","
                + models.resolve("coco.names");
        Path config = Files.writeString(dir.resolve("e2e.json"), """
                {"experiment": {"name": "e2e", "duration": "30s", "samplePeriod": "5s", "model": "%s"},
                 "machines": [
                   {"name": "cloud", "category": "server", "port": %d,
                    "resources": {"limits": {"cpu": "1", "memory": "3Gi"}}, "app": {"minRetrainImages": 1000}},
                   {"name": "cam", "category": "client", "resources": {"limits": {"cpu": "1", "memory": "1Gi"}},
                    "app": {"rate": 2, "threads": 1, "uploadThreshold": 1000}}],
                 "connections": [{"node1": "cloud", "node2": "cam", "bandwidth": "20mbps", "latency": "10ms"}]}
                """.formatted(model, FreePort.pick()));
        Path logs = dir.resolve("logs");

        int code = LauncherMain.execute(logs.toString(), config.toString(), "--quiet");

        assertThat(code).as("exit code of a clean run").isZero();
        List<ConsumptionRow> consumption = ConsumptionRow.SCHEMA.readAll(ConsumptionRow.SCHEMA.in(logs));
        assertThat(consumption).anySatisfy(row -> assertThat(row).extracting(ConsumptionRow::machine, ConsumptionRow::role)
                .containsExactly("cloud", "server"));
        assertThat(consumption).anySatisfy(row -> assertThat(row).extracting(ConsumptionRow::machine, ConsumptionRow::role)
                .containsExactly("cam", "client"));
        assertThat(InferenceRow.SCHEMA.readAll(InferenceRow.SCHEMA.in(logs.resolve("cam")))).as("at least one window")
                .isNotEmpty();
        assertThat(logs.resolve("cloud/cloud.log")).isNotEmptyFile();
        assertThat(LinkRow.SCHEMA.readAll(LinkRow.SCHEMA.in(logs))).hasSize(2);
        assertThat(logs.resolve("report.html")).isNotEmptyFile();
        assertThat(SummaryRow.SCHEMA.readAll(SummaryRow.SCHEMA.in(logs)))
                .as("summary.csv: the cam's accuracy over its last 30 s and the cloud's retrains")
                .anySatisfy(row -> assertThat(row).extracting(SummaryRow::machine, SummaryRow::metric, SummaryRow::measured)
                        .containsExactly("cam", "accuracy_last_30s", true))
                .anySatisfy(row -> assertThat(row).extracting(SummaryRow::machine, SummaryRow::metric)
                        .containsExactly("cloud", "retrains"));
    }
}
