package io.acai.launcher.report;

import io.acai.records.run.InferenceRow;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Mean inference time (solid) and mean wait in the queue (dashed) per edge over time. */
public final class InferenceTimeChart implements ReportChart {

    @Override
    public String fileName() {
        return "inference_time.png";
    }

    @Override
    public String title() {
        return "Inference and wait time per edge";
    }

    @Override
    public String caption() {
        return "Mean time per frame in each window of 10 inferences: detection (solid) and time the request waited "
                + "in the queue before it (dashed).";
    }

    @Override
    public String needs() {
        return "<edge>/" + InferenceRow.SCHEMA.fileName();
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        XYChart chart = ChartStyle.timeChart(title(), "Time per frame (ms)");
        chart.getStyler().setYAxisMin(0.0);
        boolean drawn = false;
        for (int i = 0; i < logs.edges().size(); i++) {
            EdgeLogs edge = logs.edges().get(i);
            Points inference = Points.of(edge.inference(), r -> clock.seconds(r.endTime()), InferenceRow::avgInfMs);
            Points wait = Points.of(edge.inference(), r -> clock.seconds(r.endTime()), InferenceRow::avgWaitMs);
            if (!inference.isEmpty()) {
                inference.addLine(chart, edge.name() + " inference", logs.color(edge.name()), ChartStyle.SOLID);
                drawn = true;
            }
            if (!wait.isEmpty()) {
                wait.addLine(chart, edge.name() + " wait", logs.color(edge.name()), ChartStyle.DASHED);
                drawn = true;
            }
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }
}
