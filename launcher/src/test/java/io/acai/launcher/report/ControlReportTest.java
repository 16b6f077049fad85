package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * A run with a static control: the accuracy chart draws it against its edge (same colour, dashed, labelled
 * {@code <edge> (static)}) and the per-edge table marks it; which edge is a control comes from {@code run.json},
 * or from the launcher's plan at the end of a run.
 */
class ControlReportTest {

    @TempDir
    Path logs;

    private XYChart accuracyChart(ExperimentLogs read) {
        return (XYChart) new AccuracyChart().draw(read, read.clock()).orElseThrow();
    }

    @Test
    void theControlIsDrawnDashedInItsEdgesColourAndMarkedInTheTable() throws Exception {
        FixtureLogs.write(logs);
        FixtureLogs.addStaticControl(logs);
        ExperimentLogs read = ExperimentLogs.load(logs);

        assertThat(read.controls()).containsExactly(Map.entry(FixtureLogs.CONTROL, "edge1"));
        XYChart chart = accuracyChart(read);
        XYSeries edge = chart.getSeriesMap().get("edge1");
        XYSeries control = chart.getSeriesMap().get("edge1 (static)");
        assertThat(control).as("the control's line").isNotNull();
        assertThat(control.getLineColor()).isEqualTo(edge.getLineColor()).isEqualTo(read.color("edge1"));
        assertThat(control.getLineStyle().getDashArray()).as("dashed").isNotNull();
        assertThat(edge.getLineStyle().getDashArray()).as("the edge's own line").isNull();
        assertThat(chart.getSeriesMap()).doesNotContainKey(FixtureLogs.CONTROL)
                .doesNotContainKey(FixtureLogs.CONTROL + " (windows)");
        // after edge1's drift and its updates, its own line is above its control's at the end
        double[] edgeY = edge.getYData();
        double[] controlY = control.getYData();
        assertThat(controlY[controlY.length - 1]).isLessThan(edgeY[edgeY.length - 1] - 20);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ReportCommand.run(logs, new PrintStream(out), System.err)).isZero();
        String html = Files.readString(logs.resolve("report.html"));
        assertThat(html).contains("<th>static control of</th>")
                .contains("<tr><td>" + FixtureLogs.CONTROL + "</td><td>edge1</td>")
                .contains("<tr><td>edge1</td><td></td>")
                .contains("A static control sees exactly the frames of the edge it names")
                .contains("Dashed lines: an edge's static control");
        assertThat(ImageIO.read(logs.resolve("report/accuracy.png").toFile())).isNotNull();
    }

    @Test
    void withoutRunJsonNoEdgeIsAControlUnlessThePlanSaysSo() throws Exception {
        FixtureLogs.write(logs);
        FixtureLogs.addStaticControl(logs);
        String runJson = Files.readString(logs.resolve("run.json"));
        Files.delete(logs.resolve("run.json"));
        ExperimentLogs read = ExperimentLogs.load(logs);

        assertThat(read.controls()).isEmpty();
        assertThat(accuracyChart(read).getSeriesMap()).containsKey(FixtureLogs.CONTROL)
                .doesNotContainKey("edge1 (static)");
        assertThat(RunSummary.of(read, read.clock()).edges()).allSatisfy(e -> assertThat(e.controlOf()).isEmpty());

        ExperimentLogs planned = read.withControls(Map.of(FixtureLogs.CONTROL, "edge1"));
        assertThat(accuracyChart(planned).getSeriesMap()).containsKey("edge1 (static)");
        assertThat(RunSummary.of(planned, planned.clock()).edges())
                .filteredOn(e -> e.edge().equals(FixtureLogs.CONTROL)).singleElement()
                .satisfies(e -> assertThat(e.controlOf()).contains("edge1"));
        assertThat(ReportCommand.run(logs, new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
        assertThat(Files.readString(logs.resolve("report.html"))).as("no control, no column")
                .doesNotContain("static control of").contains("<tr><td>" + FixtureLogs.CONTROL + "</td><td>");
        Files.writeString(logs.resolve("run.json"), runJson);
        assertThat(ReportCommand.run(logs, new PrintStream(new ByteArrayOutputStream()), System.err)).isZero();
        assertThat(Files.readString(logs.resolve("report.html")))
                .contains("<tr><td>" + FixtureLogs.CONTROL + "</td><td>edge1</td>");
    }

    @Test
    void twoControlsOfOneEdgeGetTwoLabelsAndAnUnreadableRunJsonIsNoted() throws Exception {
        FixtureLogs.write(logs);
        FixtureLogs.addStaticControl(logs);
        Files.writeString(logs.resolve("run.json"), "{\"config\": ");
        ExperimentLogs broken = ExperimentLogs.load(logs);
        assertThat(broken.controls()).isEmpty();
        assertThat(broken.notes().warnings()).singleElement().asString().startsWith("run.json: ")
                .contains("no edge drawn as a control");

        ExperimentLogs two = broken.withControls(Map.of(FixtureLogs.CONTROL, "edge1", "edge2", "edge1"));
        assertThat(accuracyChart(two).getSeriesMap()).containsKeys("edge1 (static)", "edge1 (static, edge2)")
                .doesNotContainKey("edge2");
    }
}
