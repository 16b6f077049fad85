package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.launcher.plan.LargeFleet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The report on many edges: spread charts and per-group metrics on the main page, each edge on edges.html. */
class FleetReportTest {

    /** Reports on a group of 100 edges and one of 20 (drawing them takes seconds), shared by the tests. */
    @TempDir
    static Path hundred;
    @TempDir
    static Path twenty;
    /** What {@code report} printed for the 100 edges. */
    static String printed;

    @BeforeAll
    static void reportOnTwoFleets() throws IOException {
        for (Path dir : List.of(hundred, twenty)) {
            FleetLogs.write(dir, dir == hundred ? 100 : 20);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(ReportCommand.run(dir, new PrintStream(out), new PrintStream(err))).as(err.toString()).isZero();
            printed = dir == hundred ? out.toString() : printed;
        }
    }

    @Test
    void theMainPageHoldsTheSpreadChartsAndLinksThePerEdgePage() throws IOException {
        String html = Files.readString(hundred.resolve(ReportCommand.REPORT_FILE));
        for (ReportChart chart : ReportCommand.fleetCharts()) {
            assertThat(hundred.resolve("report").resolve(chart.fileName())).as(chart.fileName()).isRegularFile();
            assertThat(html).contains("<img src=\"report/" + chart.fileName() + "\"");
        }
        assertThat(html).contains("101 edges, shown as the spread of each group (edge, static controls)")
                .contains("<a href=\"edges.html\">").contains("<th>edge (100)</th><th>static controls (1)</th>")
                .doesNotContain("edge-57").doesNotContain("report/accuracy.png");
        assertThat(html).as("accuracy before the drift of the group: median (lowest to highest, edges)")
                .containsPattern("<td>accuracy before drift</td><td>%</td><td>\\d+\\.\\d \\(\\d+\\.\\d to \\d+\\.\\d, "
                        + "100 edges\\)</td>");
    }

    @Test
    void theHeadlineFiguresAreOneLineForTheEdgesAndOneForTheControls() {
        assertThat(printed.lines().filter(l -> l.startsWith("  "))).hasSize(3);
        assertThat(printed).containsPattern("\n  100 edges, median \\(lowest to highest\\): before drift \\d+\\.\\d% "
                + "\\(\\d+\\.\\d to \\d+\\.\\d\\), dip .*, recovered: \\d+ after .* s .*, last 30 s .*, last 2 min .*, gain "
                + "over the control in the last 30 s .* points .*, in the last 2 min .* points .* \\(1 edge\\); each edge's in "
                + "summary.csv\n")
                .contains("\n  1 static control, median (lowest to highest): before drift ")
                .contains("\n  cloud: 10 retrains, forgetting 10.0 points");
    }

    @Test
    void thePerEdgePageHoldsEveryEdgeAndTheLineChartsPerEdge() throws IOException {
        String html = Files.readString(hundred.resolve(ReportWriter.EDGES_PAGE));
        for (ReportChart chart : ReportCommand.perEdgeCharts()) {
            assertThat(html).contains("<img src=\"report/" + chart.fileName() + "\"");
        }
        for (int e = 0; e < 100; e++) {
            assertThat(html).contains(String.format("<td>edge-%02d</td>", e));
        }
        assertThat(html).contains("<th>edge-00-static</th>").contains("<a href=\"report.html\">");
    }

    @Test
    void theMainPageDoesNotGrowWithTheEdges() throws IOException {
        String large = Files.readString(hundred.resolve(ReportCommand.REPORT_FILE));
        String small = Files.readString(twenty.resolve(ReportCommand.REPORT_FILE));
        assertThat(count(large, "<img ")).isEqualTo(count(small, "<img ")).isEqualTo(ReportCommand.fleetCharts().size());
        assertThat(count(large, "<tr>")).isEqualTo(count(small, "<tr>"));
        assertThat(large.length()).as("five times the edges, the same page but for the figures in it")
                .isBetween(small.length() - 300, small.length() + 300);
        assertThat(Files.readString(hundred.resolve(ReportWriter.EDGES_PAGE)).length())
                .as("the per-edge page does grow").isGreaterThan(3 * Files.readString(twenty.resolve(
                        ReportWriter.EDGES_PAGE)).length());
    }

    @Test
    void aSpreadChartHasAsManySeriesForAHundredEdgesAsForTwenty() throws Exception {
        ExperimentLogs large = ExperimentLogs.load(hundred);
        ExperimentLogs small = ExperimentLogs.load(twenty);
        for (ReportChart chart : SpreadChart.all()) {
            XYChart drawnLarge = (XYChart) chart.draw(large, large.clock()).orElseThrow();
            XYChart drawnSmall = (XYChart) chart.draw(small, small.clock()).orElseThrow();
            assertThat(drawnLarge.getSeriesMap().keySet()).as(chart.fileName())
                    .containsExactlyInAnyOrderElementsOf(drawnSmall.getSeriesMap().keySet().stream()
                            .map(s -> s.replace("edge median (20 edges)", "edge median (100 edges)")).toList());
        }
        XYChart accuracy = (XYChart) SpreadChart.ACCURACY.draw(large, large.clock()).orElseThrow();
        assertThat(accuracy.getSeriesMap()).containsKeys("edge median (100 edges)", "edge min", "edge max",
                "edge p10-p90 1", "static controls median (1 edge)");
        XYChart cpu = (XYChart) SpreadChart.CPU.draw(large, large.clock()).orElseThrow();
        assertThat(cpu.getSeriesMap()).as("the cloud keeps its line").containsKey("cloud (cloud)");
    }

    @Test
    void aFewEdgesKeepOnePageAndItsRerunRemovesTheOtherPage(@TempDir Path logs) throws IOException {
        FleetLogs.write(logs, LargeFleet.EDGES_ONE_BY_ONE + 1);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertThat(ReportCommand.run(logs, quiet, quiet)).isZero();
        assertThat(logs.resolve(ReportWriter.EDGES_PAGE)).as("11 edges and a control").isRegularFile();

        FixtureLogs.write(logs.resolve("few"));
        assertThat(ReportCommand.run(logs.resolve("few"), quiet, quiet)).isZero();
        assertThat(logs.resolve("few").resolve(ReportWriter.EDGES_PAGE)).doesNotExist();
        assertThat(logs.resolve("few/report/accuracy_spread.png")).doesNotExist();
        assertThat(Files.readString(logs.resolve("few").resolve(ReportCommand.REPORT_FILE)))
                .contains("<img src=\"report/accuracy.png\"");
    }

    @Test
    void theSpreadIsTakenOverTheEdgesThatHaveAValueAtEachTime() {
        Points a = new Points(new double[] {0, 10, 20}, new double[] {1, 2, 3});
        Points b = new Points(new double[] {5, 15}, new double[] {10, 20});
        Points c = new Points(new double[] {10, 20}, new double[] {5, 6});
        EdgeSpread spread = EdgeSpread.of(List.of(a, b, c), new double[] {0, 10, 26, 31});
        assertThat(spread.edges()).containsExactly(1, 3, 2, 0);
        assertThat(spread.median()[1]).as("2, 5 and 10").isEqualTo(5);
        assertThat(spread.min()[1]).isEqualTo(2);
        assertThat(spread.max()[1]).isEqualTo(10);
        assertThat(spread.p10()[1]).isEqualTo(2.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(spread.median()[2]).as("a and c hold their last value for one step of theirs: 3 and 6").isEqualTo(4.5);
        assertThat(spread.median()[3]).isNaN();
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
