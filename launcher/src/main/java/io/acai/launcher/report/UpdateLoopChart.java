package io.acai.launcher.report;

import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** The update loop per round as stacked bars: prepare, upload, retrain, push, load. */
public final class UpdateLoopChart implements ReportChart {

    @Override
    public String fileName() {
        return "update_loop.png";
    }

    @Override
    public String title() {
        return "Update loop per round";
    }

    @Override
    public String caption() {
        return "Time from upload threshold to new model serving, per edge and update: prepare (batch encoded), "
                + "upload (send_start to send_end), retrain (cloud.csv updated - received), push (rest of the wait "
                + "for the weights) and load (receive to swap). Where cloud.csv lacks the round, retrain covers "
                + "send_end to receive and push is 0.";
    }

    @Override
    public String needs() {
        return "<edge>/" + UpdateRow.SCHEMA.fileName() + " (and <cloud>/" + RetrainRow.SCHEMA.fileName()
                + " for the retrain share)";
    }

    @Override
    public Optional<Chart<?, ?>> draw(ExperimentLogs logs, ExperimentClock clock) {
        List<UpdateRound> rounds = UpdateRound.of(logs);
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        CategoryChart chart = ChartStyle.barChart(title(), "Update (edge #round)", "Duration (s)");
        chart.getStyler().setStacked(true);
        if (rounds.size() > 8) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        List<String> labels = rounds.stream().map(UpdateRound::label).toList();
        add(chart, "prepare", labels, rounds, UpdateRound::prepareS);
        add(chart, "upload", labels, rounds, UpdateRound::uploadS);
        add(chart, "retrain", labels, rounds, UpdateRound::retrainS);
        add(chart, "push", labels, rounds, UpdateRound::pushS);
        add(chart, "load", labels, rounds, UpdateRound::loadS);
        return Optional.of(chart);
    }

    private static void add(CategoryChart chart, String name, List<String> labels, List<UpdateRound> rounds,
                            ToDoubleFunction<UpdateRound> value) {
        chart.addSeries(name, labels, rounds.stream().map(r -> (Number) value.applyAsDouble(r)).toList());
    }
}
