package io.acai.launcher.report;

/** A chart of the report and whether its PNG was written. */
public record DrawnChart(ReportChart chart, boolean written) {

    /** Path of the PNG relative to {@code report.html}. */
    public String href() {
        return ReportCommand.CHART_FOLDER + "/" + chart.fileName();
    }
}
