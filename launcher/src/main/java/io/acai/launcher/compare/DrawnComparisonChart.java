package io.acai.launcher.compare;

/** A chart of {@code compare.html} and whether its PNG was written. */
record DrawnComparisonChart(ComparisonChart chart, boolean written) {

    /** Path of the PNG relative to {@code compare.html}. */
    String href() {
        return ComparisonFiles.CHART_FOLDER + "/" + chart.fileName();
    }
}
