package io.acai.launcher.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acai.launcher.LauncherMain;
import io.acai.records.campaign.CampaignRow;
import io.acai.records.campaign.SettingRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison on hand-made run folders: a campaign's runs grouped by their parameter values (partial, unfinished
 * and failed runs skipped with a note), each run's value without its static control, the means and intervals worked
 * out by hand in campaign_settings.csv and compare.html, campaign.csv row by row; plain folders labelled by
 * comment.txt, experiment.name or folder name; and the errors.
 */
class ComparisonTest {

    private static final String PATH = "machines[cloud].app.minRetrainImages";

    @TempDir
    Path dir;

    private Path campaign() throws Exception {
        Path campaign = dir.resolve("threshold");
        HandMadeRuns.campaignRun(campaign, "minRetrainImages=20-r1", 20, 1, 0.7,
                Map.of("accuracy_last_30s", 70.0, "gain_over_control_last_30s", 30.0), 0);
        HandMadeRuns.campaignRun(campaign, "minRetrainImages=40-r1", 40, 1, 0.5,
                Map.of("accuracy_last_30s", 50.0, "gain_over_control_last_30s", 10.0), 0);
        HandMadeRuns.campaignRun(campaign, "minRetrainImages=20-r2", 20, 2, 0.8,
                Map.of("accuracy_last_30s", 80.0, "gain_over_control_last_30s", 40.0), 0);
        HandMadeRuns.campaignRun(campaign, "minRetrainImages=40-r2", 40, 2, 0.6,
                Map.of("accuracy_last_30s", 60.0, "gain_over_control_last_30s", 20.0), 0);
        HandMadeRuns.campaignRun(campaign, "minRetrainImages=40-r2.partial-20261206-101010", 40, 2, 0.1,
                Map.of("accuracy_last_30s", 10.0), null);
        HandMadeRuns.campaignRun(campaign, "minRetrainImages=40-r3", 40, 3, 0.1, Map.of("accuracy_last_30s", 10.0), 3);
        HandMadeRuns.campaignRun(campaign, "minRetrainImages=20-r3", 20, 3, 0.1, Map.of("accuracy_last_30s", 10.0), null);
        return campaign;
    }

    @Test
    void groupsACampaignsRunsBySettingAndSkipsTheUnfinishedOnes() throws Exception {
        Comparison comparison = Comparison.of(List.of(campaign()));

        assertThat(comparison.settings()).extracting(Setting::label)
                .containsExactly("minRetrainImages=20", "minRetrainImages=40");
        assertThat(comparison.settings()).allSatisfy(s -> assertThat(s.runs()).hasSize(2));
        assertThat(comparison.settings().get(0).runs()).extracting(ComparedRun::id)
                .containsExactly("minRetrainImages=20-r1", "minRetrainImages=20-r2");
        assertThat(comparison.settings().get(0).parametersText()).isEqualTo(PATH + "=20");
        assertThat(comparison.notes()).containsExactlyInAnyOrder(
                "skipped minRetrainImages=20-r3: not completed (run.json has no completedAt; rerun the campaign)",
                "skipped minRetrainImages=40-r2.partial-20261206-101010: an interrupted attempt, moved aside",
                "skipped minRetrainImages=40-r3: failed (exit code 3)");
        assertThat(comparison.sweptParameters()).containsExactly(PATH);
        assertThat(comparison.numeric(PATH)).isTrue();

        // a run's value leaves its static control (40 %) out
        ComparedRun first = comparison.settings().get(0).runs().get(0);
        assertThat(first.controlOf()).isEqualTo(Map.of("edge-static", "edge"));
        assertThat(first.value("accuracy_last_30s")).isEqualTo(70);
        MeanInterval accuracy = comparison.settings().get(0).interval("accuracy_last_30s");
        assertThat(accuracy.mean()).isEqualTo(75);
        assertThat(accuracy.low()).isEqualTo(75 - 63.53, within(1e-9));
        assertThat(comparison.rankedBy().orElseThrow().key()).isEqualTo("gain_over_control_last_30s");
        assertThat(comparison.ranked()).extracting(Setting::label)
                .containsExactly("minRetrainImages=20", "minRetrainImages=40");

        // the band over time: the learning edges at 70 and 80 %, the controls at 40 % in every run
        double[] at30 = {30};
        AccuracyBand learning = AccuracyBand.of(comparison.settings().get(0).runs(), ComparedRun::learningCurves, at30);
        assertThat(learning.points().get(0).n()).isEqualTo(2);
        assertThat(learning.points().get(0).mean()).isEqualTo(75, within(1e-9));
        AccuracyBand controls = AccuracyBand.of(comparison.runs(), ComparedRun::controlCurves, at30);
        assertThat(controls.points().get(0).n()).isEqualTo(4);
        assertThat(controls.points().get(0).mean()).isEqualTo(40, within(1e-9));
        assertThat(controls.points().get(0).halfWidth()).isZero();
        AccuracyBand after = AccuracyBand.of(comparison.runs(), ComparedRun::learningCurves, new double[] {100});
        assertThat(after.isEmpty()).as("no curve after its last window (58 s after the first)").isTrue();
    }

    @Test
    void writesCampaignCsvTheSettingsIntervalsThePageAndTheCharts() throws Exception {
        Path campaign = campaign();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = CompareCommand.run(List.of(campaign), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).contains("compare: 4 runs in 2 settings",
                "minRetrainImages=20: gain_over_control_last_30s 35.0 [-28.5, 98.5] n=2");

        List<CampaignRow> rows = CampaignRow.SCHEMA.readAll(CampaignRow.SCHEMA.in(campaign));
        assertThat(rows).as("per run: the edge's 2 metrics, the control's 2").hasSize(16);
        assertThat(rows).extracting(CampaignRow::runId).containsOnly("minRetrainImages=20-r1",
                "minRetrainImages=20-r2", "minRetrainImages=40-r1", "minRetrainImages=40-r2");
        CampaignRow control = rows.stream().filter(r -> r.machine().equals("edge-static")
                && r.metric().equals("accuracy_last_30s")).findFirst().orElseThrow();
        assertThat(control.controlOf()).isEqualTo("edge");
        assertThat(control.value()).isEqualTo(40);
        CampaignRow r2 = rows.stream().filter(r -> r.runId().equals("minRetrainImages=40-r2") && r.machine().equals("edge")
                && r.metric().equals("gain_over_control_last_30s")).findFirst().orElseThrow();
        assertThat(r2.setting()).isEqualTo("minRetrainImages=40");
        assertThat(r2.parameters()).isEqualTo(PATH + "=40");
        assertThat(r2.repeat()).isEqualTo(2);
        assertThat(r2.seed()).isEqualTo(12);
        assertThat(r2.value()).isEqualTo(20);
        assertThat(r2.unit()).isEqualTo("points");
        assertThat(Files.readAllLines(CampaignRow.SCHEMA.in(campaign)).get(0))
                .isEqualTo("run_id,setting,parameters,repeat,seed,machine,control_of,metric,value,unit,note");

        List<SettingRow> settings = SettingRow.SCHEMA.readAll(SettingRow.SCHEMA.in(campaign));
        assertThat(settings).extracting(SettingRow::setting, SettingRow::metric).containsExactly(
                org.assertj.core.groups.Tuple.tuple("minRetrainImages=20", "accuracy_last_30s"),
                org.assertj.core.groups.Tuple.tuple("minRetrainImages=20", "gain_over_control_last_30s"),
                org.assertj.core.groups.Tuple.tuple("minRetrainImages=40", "accuracy_last_30s"),
                org.assertj.core.groups.Tuple.tuple("minRetrainImages=40", "gain_over_control_last_30s"));
        SettingRow gain40 = settings.get(3);
        assertThat(gain40.runs()).isEqualTo(2);
        assertThat(gain40.of()).isEqualTo(2);
        assertThat(gain40.mean()).isEqualTo(15);
        assertThat(gain40.ciLow()).isEqualTo(-48.53, within(1e-9));
        assertThat(gain40.ciHigh()).isEqualTo(78.53, within(1e-9));

        String page = Files.readString(campaign.resolve(ComparisonFiles.PAGE));
        assertThat(page).contains("4 runs in 2 settings", "Sorted by gain_over_control_last_30s",
                "<td>75.0 [11.5, 138.5] n=2</td>", "<td>15.0 [-48.5, 78.5] n=2</td>",
                "skipped minRetrainImages=40-r3: failed (exit code 3)",
                "compare/accuracy_last_30s-by-minRetrainImages.png",
                "compare/gain_over_control_last_30s-by-minRetrainImages.png", "compare/accuracy-over-time.png");
        assertThat(page.indexOf("<td>minRetrainImages=20</td>")).as("the better setting first")
                .isLessThan(page.indexOf("<td>minRetrainImages=40</td>")).isPositive();
        assertThat(page).doesNotContain("time_to_recover-by");
        for (String png : List.of("accuracy_last_30s-by-minRetrainImages.png",
                "gain_over_control_last_30s-by-minRetrainImages.png", "accuracy-over-time.png")) {
            Path file = campaign.resolve(ComparisonFiles.CHART_FOLDER).resolve(png);
            assertThat(Files.readAllBytes(file)).as(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(Files.size(file)).as(png).isGreaterThan(10_000);
        }
    }

    @Test
    void aCategoricalParameterWithASecondOneDrawsALinePerValueOfTheOtherWithGaps() throws Exception {
        com.fasterxml.jackson.databind.node.JsonNodeFactory json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        String bandwidth = "connections[cloud~edge].bandwidth";
        List<Setting> settings = new java.util.ArrayList<>();
        String[][] grid = {{"2mbps", "20"}, {"8mbps", "20"}, {"2mbps", "40"}}; // 8mbps with 40 is missing
        for (String[] values : grid) {
            List<ComparedRun> runs = new java.util.ArrayList<>();
            for (int r = 1; r <= 2; r++) {
                double accuracy = values[0].equals("8mbps") ? 80 + r : 60 + r + Integer.parseInt(values[1]) / 10.0;
                runs.add(new ComparedRun(dir.resolve(values[0] + values[1] + "-r" + r), r, (long) r, Map.of(),
                        List.of(new io.acai.records.run.SummaryRow("edge", "accuracy_last_30s", accuracy, "%", "")),
                        Map.of()));
            }
            Map<String, com.fasterxml.jackson.databind.JsonNode> parameters = new java.util.LinkedHashMap<>();
            parameters.put(bandwidth, json.textNode(values[0]));
            parameters.put(PATH, json.numberNode(Integer.parseInt(values[1])));
            settings.add(new Setting("bandwidth=" + values[0] + ", minRetrainImages=" + values[1], parameters, runs));
        }
        Comparison comparison = new Comparison(List.of(dir), settings, List.of());

        assertThat(comparison.sweptParameters()).containsExactly(bandwidth, PATH);
        assertThat(comparison.numeric(bandwidth)).isFalse();
        assertThat(comparison.values(PATH)).extracting(com.fasterxml.jackson.databind.JsonNode::asInt).containsExactly(20, 40);
        var chart = new MetricByParameterChart(bandwidth, "bandwidth", "accuracy_last_30s", List.of()).draw(comparison).orElseThrow();
        assertThat(chart.getSeriesMap()).containsOnlyKeys("minRetrainImages=20", "minRetrainImages=40");
        Path png = dir.resolve("by-bandwidth.png");
        io.acai.launcher.report.ReportCommand.savePng(chart, png);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        var numeric = new MetricByParameterChart(PATH, "minRetrainImages", "accuracy_last_30s", List.of()).draw(comparison).orElseThrow();
        assertThat(numeric.getSeriesMap()).containsOnlyKeys("bandwidth=2mbps", "bandwidth=8mbps");
        io.acai.launcher.report.ReportCommand.savePng(numeric, dir.resolve("by-threshold.png"));
        assertThat(new MetricByParameterChart(PATH, "minRetrainImages", "forgetting", List.of()).draw(comparison)).isEmpty();
    }

    @Test
    void zippedParametersAreOneAxisNamedInTheCaption() throws Exception {
        com.fasterxml.jackson.databind.node.JsonNodeFactory json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        List<Setting> settings = new java.util.ArrayList<>();
        for (String rate : List.of("0.25mbps", "20mbps")) {
            Map<String, com.fasterxml.jackson.databind.JsonNode> parameters = new java.util.LinkedHashMap<>();
            parameters.put("connections[cloud~edge-near].bandwidthFrom", json.textNode(rate));
            parameters.put("connections[cloud~edge-far].bandwidthFrom", json.textNode(rate));
            parameters.put("experiment.duration", json.textNode("3m"));
            settings.add(new Setting(rate, parameters, List.of(new ComparedRun(dir.resolve(rate), 1, 1L, Map.of(),
                    List.of(new io.acai.records.run.SummaryRow("edge-near", "accuracy_last_30s", 50, "%", "")),
                    Map.of()))));
        }
        Comparison comparison = new Comparison(List.of(dir), settings, List.of());

        assertThat(comparison.sweptParameters()).as("one of the zipped pair; the constant one is not swept")
                .containsExactly("connections[cloud~edge-near].bandwidthFrom");
        assertThat(comparison.zippedWith("connections[cloud~edge-near].bandwidthFrom"))
                .containsExactly("connections[cloud~edge-far].bandwidthFrom");
        assertThat(ComparisonFiles.charts(comparison)).extracting(ComparisonChart::caption)
                .anySatisfy(c -> assertThat(c).contains("(swept together with connections[cloud~edge-far].bandwidthFrom)"));
    }

    @Test
    void parametersSharingALabelAreOneParameterNamedByItInLabelsTablesAndCharts() throws Exception {
        Path campaign = dir.resolve("uplink");
        List<String> paths = List.of("connections[cloud~edge-near].bandwidthFrom", "connections[cloud~edge-far].bandwidthFrom");
        Map<String, String> labels = Map.of(paths.get(0), "uplink", paths.get(1), "uplink");
        double[][] accuracies = {{0.5, 0.6}, {0.7, 0.8}};
        List<String> rates = List.of("0.25mbps", "20mbps");
        for (int r = 1; r <= 2; r++) {
            for (int s = 0; s < 2; s++) {
                Map<String, com.fasterxml.jackson.databind.JsonNode> parameters = new java.util.LinkedHashMap<>();
                for (String path : paths) {
                    parameters.put(path, com.fasterxml.jackson.databind.node.TextNode.valueOf(rates.get(s)));
                }
                double accuracy = accuracies[s][r - 1];
                HandMadeRuns.campaignRun(campaign, "uplink=" + rates.get(s) + "-r" + r, parameters, labels,
                        HandMadeRuns.T0 + 1000L * (2 * r + s), r, accuracy, Map.of("accuracy_last_30s", accuracy * 100), 0);
            }
        }

        Comparison comparison = Comparison.of(List.of(campaign));

        assertThat(comparison.settings()).extracting(Setting::label).containsExactly("uplink=0.25mbps", "uplink=20mbps");
        assertThat(comparison.settings().get(0).parametersText()).isEqualTo("uplink=0.25mbps");
        assertThat(comparison.settings().get(1).shortLabel(comparison.settings())).isEqualTo("uplink=20mbps");
        assertThat(comparison.sweptParameters()).containsExactly("uplink");
        assertThat(ComparisonFiles.charts(comparison)).extracting(ComparisonChart::fileName)
                .contains("accuracy_last_30s-by-uplink.png").noneMatch(name -> name.contains("bandwidthFrom"));

        assertThat(CompareCommand.run(List.of(campaign), null, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(CampaignRow.SCHEMA.readAll(CampaignRow.SCHEMA.in(campaign))).extracting(CampaignRow::parameters)
                .containsOnly("uplink=0.25mbps", "uplink=20mbps");
        assertThat(SettingRow.SCHEMA.readAll(SettingRow.SCHEMA.in(campaign))).extracting(SettingRow::setting)
                .containsOnly("uplink=0.25mbps", "uplink=20mbps");
        assertThat(campaign.resolve(ComparisonFiles.CHART_FOLDER).resolve("accuracy_last_30s-by-uplink.png")).isRegularFile();
    }

    @Test
    void reportOnACampaignFolderWritesTheComparison() throws Exception {
        Path campaign = campaign();

        assertThat(LauncherMain.execute("report", campaign.toString())).isZero();

        assertThat(campaign.resolve(ComparisonFiles.PAGE)).isRegularFile();
        assertThat(campaign.resolve(CampaignRow.SCHEMA.fileName())).isRegularFile();
        assertThat(campaign.resolve("report.html")).doesNotExist();
    }

    @Test
    void plainFoldersAreLabelledByCommentExperimentNameOrFolderName() throws Exception {
        Path logs = dir.resolve("logs");
        Path a = HandMadeRuns.plainRun(logs.resolve("a"), "default", 0.9, true);
        Files.writeString(a.resolve(SettingGrouping.COMMENT), "  uplink 2 Mbit/s \nsecond line\n");
        Path b = HandMadeRuns.plainRun(logs.resolve("b"), "default", 0.5, true);
        Path c = HandMadeRuns.plainRun(logs.resolve("c"), null, 0.25, false);
        Path d = HandMadeRuns.plainRun(logs.resolve("d"), "default", 0.75, true);
        Path out = dir.resolve("out");

        assertThat(LauncherMain.execute("compare", a.toString(), b.toString(), c.toString(), d.toString(),
                "--out", out.toString())).isZero();

        Comparison comparison = Comparison.of(List.of(a, b, c, d));
        assertThat(comparison.settings()).extracting(Setting::label)
                .containsExactly("uplink 2 Mbit/s", "default (b)", "c", "default (d)");
        assertThat(comparison.sweptParameters()).isEmpty();
        assertThat(comparison.notes()).contains("c: no summary.csv; its metrics were computed from its logs");
        assertThat(comparison.settings().get(2).interval("accuracy_last_30s").mean()).as("computed from edge_inf.csv")
                .isEqualTo(25, within(1e-9));
        assertThat(comparison.ranked()).extracting(Setting::label)
                .containsExactly("uplink 2 Mbit/s", "default (d)", "default (b)", "c");
        assertThat(c.resolve("summary.csv")).as("nothing written into a compared folder").doesNotExist();

        List<CampaignRow> rows = CampaignRow.SCHEMA.readAll(CampaignRow.SCHEMA.in(out));
        assertThat(rows).filteredOn(r -> r.metric().equals("accuracy_last_30s")).extracting(CampaignRow::setting)
                .containsExactly("uplink 2 Mbit/s", "default (b)", "c", "default (d)");
        assertThat(rows).allSatisfy(r -> assertThat(r.repeat()).isNaN());
        String page = Files.readString(out.resolve(ComparisonFiles.PAGE));
        assertThat(page).contains("<td>uplink 2 Mbit/s</td><td>1</td><td>90.0 (n=1: no interval)</td>",
                "compare/accuracy-over-time.png");
        assertThat(CompareCommand.defaultOut(List.of(a, b))).isEqualTo(logs.toAbsolutePath().normalize());
        assertThat(CompareCommand.defaultOut(List.of(a))).isEqualTo(a);
    }

    @Test
    void aFolderThatIsNeitherARunNorACampaignOrHoldsNoRunsIsNamed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(empty.resolve("notes"));
        assertThatThrownBy(() -> Comparison.of(List.of(empty))).isInstanceOf(CompareException.class)
                .hasMessage(empty + " is neither a run's logs folder nor a campaign folder (expected: run.json, "
                        + "summary.csv or <machine>/edge_inf.csv in it, or <run id>/run.json folders)");
        Path failed = dir.resolve("failed");
        HandMadeRuns.campaignRun(failed, "minRetrainImages=40-r1", 40, 1, 0.1, Map.of("accuracy_last_30s", 10.0), 3);
        assertThatThrownBy(() -> Comparison.of(List.of(failed))).isInstanceOf(CompareException.class)
                .hasMessage("no completed runs in campaign folder " + failed
                        + " (skipped minRetrainImages=40-r1: failed (exit code 3))");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> Comparison.of(List.of(missing))).isInstanceOf(CompareException.class)
                .hasMessage(missing + " does not exist or is not a folder");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(CompareCommand.run(List.of(empty), null, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("compare: " + empty + " is neither");
    }
}
