package io.acai.launcher.report;

import io.acai.records.run.InferenceRow;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Frames processed so far per edge (running total of the windows' frames). */
public final class ProcessedImagesChart implements ReportChart {

    @Override
    public String fileName() {
        return "processed_images.png";
    }

    @Override
    public String title() {
        return "Processed images per edge";
    }

    @Override
    public String caption() {
        return "Running total of frames the edge has run detection on. The slope is the edge's throughput; "
                + "it stays straight through a model swap when the swap stalls nothing.";
    }

    @Override
    public String needs() {
        return "<edge>/" + InferenceRow.SCHEMA.fileName();
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        XYChart chart = ChartStyle.timeChart(title(), "Frames processed (count)");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        boolean drawn = false;
        for (int i = 0; i < logs.edges().size(); i++) {
            EdgeLogs edge = logs.edges().get(i);
            Points points = Points.of(edge.inference(), r -> clock.seconds(r.endTime()), InferenceRow::frames);
            if (!points.isEmpty()) {
                points.cumulative().addLine(chart, edge.name(), logs.color(edge.name()), ChartStyle.SOLID);
                drawn = true;
            }
        }
        return drawn ? Optional.of(ChartStyle.withRoundTicks(chart)) : Optional.empty();
    }
}
