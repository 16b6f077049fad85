package io.acai.launcher.report;

import io.acai.records.run.InferenceRow;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Mean number of requests waiting per edge over time. */
public final class QueueLengthChart implements ReportChart {

    @Override
    public String fileName() {
        return "queue_length.png";
    }

    @Override
    public String title() {
        return "Queue length per edge";
    }

    @Override
    public String caption() {
        return "Mean number of requests waiting for inference in each window of 10 inferences. A queue that keeps "
                + "growing means the edge cannot keep up with its request rate.";
    }

    @Override
    public String needs() {
        return "<edge>/" + InferenceRow.SCHEMA.fileName();
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        XYChart chart = ChartStyle.timeChart(title(), "Queue length (requests)");
        chart.getStyler().setYAxisMin(0.0);
        boolean drawn = false;
        for (int i = 0; i < logs.edges().size(); i++) {
            EdgeLogs edge = logs.edges().get(i);
            Points points = Points.of(edge.inference(), r -> clock.seconds(r.endTime()), InferenceRow::avgQueueLen);
            if (!points.isEmpty()) {
                points.addLine(chart, edge.name(), logs.color(edge.name()), ChartStyle.SOLID);
                drawn = true;
            }
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }
}
