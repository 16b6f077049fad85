package io.acai.launcher.report;

import java.util.Optional;
import org.knowm.xchart.internal.chartpart.Chart;

/** One chart of the report, drawn from the logs into {@code report/<fileName>}. */
public interface ReportChart {

    /** PNG file name under {@code report/}, for example {@code accuracy.png}. */
    String fileName();

    /** Heading above the chart in the HTML. */
    String title();

    /** One or two sentences under the chart saying how to read it. */
    String caption();

    /** The files the chart is drawn from, named in the report when it cannot be drawn. */
    String needs();

    /** The chart, or empty when the logs hold no data for it. */
    Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock);
}
