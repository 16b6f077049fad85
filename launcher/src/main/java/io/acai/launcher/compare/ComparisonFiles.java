package io.acai.launcher.compare;

import io.acai.launcher.report.ReportCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a comparison into a folder: {@code compare.html}, its PNG charts under {@code compare/}, {@code campaign.csv}
 * and {@code campaign_settings.csv}.
 */
public final class ComparisonFiles {

    public static final String PAGE = "compare.html";
    /** Folder of the PNGs, next to {@code compare.html}. */
    public static final String CHART_FOLDER = "compare";

    private ComparisonFiles() {
    }

    /** The charts: each headline metric against each swept parameter, then accuracy over time. */
    static List<ComparisonChart> charts(Comparison comparison) {
        List<ComparisonChart> charts = new ArrayList<>();
        List<String> swept = comparison.sweptParameters();
        var labels = ParameterValues.labels(swept);
        for (String path : swept) {
            for (var metric : Comparison.HEADLINE) {
                if (comparison.measured(metric.key())) {
                    charts.add(new MetricByParameterChart(path, labels.get(path), metric.key(),
                            comparison.zippedWith(path)));
                }
            }
        }
        charts.add(new AccuracyBandChart());
        return charts;
    }

    /**
     * Writes the files into {@code out} (created when absent) and returns the path of {@code compare.html}.
     *
     * @throws CompareException when a file cannot be written
     */
    public static Path write(Comparison comparison, Path out) throws CompareException {
        Path page = out.resolve(PAGE);
        try {
            Path chartDir = out.resolve(CHART_FOLDER);
            Files.createDirectories(chartDir);
            CampaignTables.write(comparison, out);
            List<DrawnComparisonChart> drawn = new ArrayList<>();
            for (ComparisonChart chart : charts(comparison)) {
                Path png = chartDir.resolve(chart.fileName());
                Files.deleteIfExists(png);
                Optional<Chart<?, ?>> built = chart.draw(comparison);
                if (built.isPresent()) {
                    ReportCommand.savePng(built.get(), png);
                }
                drawn.add(new DrawnComparisonChart(chart, built.isPresent()));
            }
            new ComparisonPage().write(page, comparison, drawn);
        } catch (IOException e) {
            throw new CompareException("cannot write the comparison into " + out + ": " + e, e);
        }
        return page;
    }
}
