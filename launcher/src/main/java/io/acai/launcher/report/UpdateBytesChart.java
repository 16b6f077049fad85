package io.acai.launcher.report;

import io.acai.records.run.UpdateRow;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Bytes uploaded (mispredicted images) and downloaded (new weights) per update, in KiB. */
public final class UpdateBytesChart implements ReportChart {

    @Override
    public String fileName() {
        return "update_bytes.png";
    }

    @Override
    public String title() {
        return "Bytes per update";
    }

    @Override
    public String caption() {
        return "Bytes on the wire per update: up (the batch of mispredicted images with their labels) and down "
                + "(the new weights), in KiB (1 KiB = 1,024 bytes).";
    }

    @Override
    public String needs() {
        return "<edge>/" + UpdateRow.SCHEMA.fileName();
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        List<UpdateRound> rounds = UpdateRound.of(logs);
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = ChartStyle.barChart(title(), "Update (edge #round)", "Bytes (KiB)");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        if (rounds.size() > 8) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        List<String> labels = rounds.stream().map(UpdateRound::label).toList();
        add(chart, "up (images)", labels, rounds, r -> r.row().bytesUp());
        add(chart, "down (weights)", labels, rounds, r -> r.row().bytesDown());
        return Optional.of(chart);
    }

    private static void add(CategoryChart chart, String name, List<String> labels, List<UpdateRound> rounds,
                            ToDoubleFunction<UpdateRound> bytes) {
        chart.addSeries(name, labels, rounds.stream().map(r -> {
            double value = bytes.applyAsDouble(r);
            return (Number) (Double.isNaN(value) ? 0.0 : value / 1024.0);
        }).toList());
    }
}
