package io.acai.launcher.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.records.run.InferenceRow;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    /** One full run's report, shared by the tests that only read it (drawing ten charts takes seconds). */
    @TempDir
    static Path fullRun;

    @TempDir
    Path logs;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void reportOnAFullRun() throws IOException {
        FixtureLogs.write(fullRun);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ReportCommand.run(fullRun, new PrintStream(out), System.err)).isZero();
        assertThat(out.toString()).contains("report: wrote").contains("report.html");
    }

    @Test
    void fullRunDrawsEveryChartAsAPngOfTheChartSizeAndLinksItFromTheHtml() throws IOException {
        String html = Files.readString(fullRun.resolve("report.html"));
        for (ReportChart chart : ReportCommand.charts()) {
            Path png = fullRun.resolve("report").resolve(chart.fileName());
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(chart.fileName() + " is a readable PNG").isNotNull();
            assertThat(image.getWidth()).isEqualTo(ChartStyle.WIDTH);
            assertThat(image.getHeight()).isEqualTo(ChartStyle.HEIGHT);
            assertThat(html).contains("<img src=\"report/" + chart.fileName() + "\"");
        }
        assertThat(html).contains("All expected files were found").doesNotContain("missing:");
    }

    @Test
    void summaryShowsFramesRetrainsBytesAndAccuracyAroundEachUpdate() throws IOException {
        String html = Files.readString(fullRun.resolve("report.html"));
        long windows = InferenceRow.SCHEMA.readAll(fullRun.resolve("edge1/edge_inf.csv")).size()
                + InferenceRow.SCHEMA.readAll(fullRun.resolve("edge2/edge_inf.csv")).size();
        assertThat(html).contains("<td>" + String.format("%,d", windows * 10) + "</td>");
        assertThat(html).contains("<td>edge1 #1</td>", "<td>edge1 #2</td>", "<td>edge2 #1</td>", "<td>edge2 push</td>");
        assertThat(html).contains("Retrains (cloud)").contains("<td>cpu</td>");
        double upKib = (412_730 + 391_208 + 391_208) / 1024.0;
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "%,.1f KiB", upKib));
    }

    @Test
    void partialFolderListsWhatIsMissingAndDrawsTheRest() throws IOException {
        FixtureLogs.write(logs);
        Files.delete(logs.resolve("links.csv"));
        Files.delete(logs.resolve("edge2/edge_update.csv"));
        Path inference = logs.resolve("edge1/edge_inf.csv");
        String content = Files.readString(inference);
        Files.writeString(inference, content.substring(0, content.length() - 9));

        assertThat(run()).isZero();

        String html = Files.readString(logs.resolve("report.html"));
        assertThat(html).contains("missing: <code>links.csv</code>")
                .contains("missing: <code>edge2/edge_update.csv</code>")
                .contains("truncated last line skipped")
                .contains("Link rate: configured vs measured: no data (needs <code>links.csv</code>)");
        assertThat(logs.resolve("report/link_rate.png")).doesNotExist();
        assertThat(logs.resolve("report/link_rtt.png")).doesNotExist();
        assertThat(html).doesNotContain("report/link_rate.png");
        assertThat(ImageIO.read(logs.resolve("report/accuracy.png").toFile())).isNotNull();
        assertThat(ImageIO.read(logs.resolve("report/update_loop.png").toFile())).isNotNull();
        assertThat(html).contains("<img src=\"report/accuracy.png\"");
    }

    @Test
    void onlyConsumptionStillGivesAReport() throws IOException {
        Path only = logs.resolve("only");
        Files.createDirectories(only);
        Files.copy(fullRun.resolve("consumption.csv"), only.resolve("consumption.csv"));

        assertThat(ReportCommand.run(only, new PrintStream(out), new PrintStream(err))).isZero();

        String html = Files.readString(only.resolve("report.html"));
        assertThat(html).contains("no edge folder found").contains("no cloud folder found")
                .contains("report/cpu.png").contains("report/memory.png").doesNotContain("report/accuracy.png");
        assertThat(Files.list(only.resolve("report")).map(p -> p.getFileName().toString()).sorted().toList())
                .isEqualTo(List.of("cpu.png", "memory.png"));
    }

    @Test
    void rerunReplacesChartsThatCanNoLongerBeDrawn() throws IOException {
        Files.copy(fullRun.resolve("links.csv"), logs.resolve("links.csv"));
        assertThat(run()).isZero();
        assertThat(logs.resolve("report/link_rate.png")).isRegularFile();
        Files.delete(logs.resolve("links.csv"));
        Files.copy(fullRun.resolve("consumption.csv"), logs.resolve("consumption.csv"));

        assertThat(run()).isZero();

        assertThat(logs.resolve("report/link_rate.png")).doesNotExist();
        assertThat(logs.resolve("report/cpu.png")).isRegularFile();
    }

    @Test
    void reportIsWrittenFromAShutdownHook() throws IOException, InterruptedException {
        Files.copy(fullRun.resolve("consumption.csv"), logs.resolve("consumption.csv"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), ReportOnShutdown.class.getName(), logs.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output).contains("report: wrote").doesNotContain("Exception");
        assertThat(ImageIO.read(logs.resolve("report/cpu.png").toFile())).as(output).isNotNull();
        assertThat(logs.resolve("report.html")).isRegularFile();
    }

    @Test
    void emptyFolderIsAnErrorWithExitCode1() {
        assertThat(run()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds no experiment logs").contains(logs.toString());
        assertThat(logs.resolve("report.html")).doesNotExist();
    }

    @Test
    void missingFolderIsAnErrorWithExitCode1() {
        Path absent = logs.resolve("no-such-run");

        assertThat(ReportCommand.run(absent, new PrintStream(out), new PrintStream(err))).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist").contains("no-such-run");
    }

    private int run() {
        return ReportCommand.run(logs, new PrintStream(out), new PrintStream(err));
    }
}
