package io.acai.launcher.report;

import io.acai.records.run.ConsumptionRow;
import io.acai.records.run.InferenceRow;
import io.acai.records.run.RetrainRow;
import io.acai.records.run.UpdateRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The numbers of the report's summary tables: per edge, per update, and the totals. */
public record RunSummary(List<EdgeSummary> edges, List<UpdateSummary> updates, List<RetrainRow> retrains,
                         double durationS) {

    public static RunSummary of(ExperimentLogs logs, ExperimentClock clock) {
        List<EdgeSummary> edges = logs.edges().stream().map(e -> EdgeSummary.of(e, logs.controlOf(e.name()))).toList();
        List<UpdateSummary> updates = new ArrayList<>();
        for (EdgeLogs edge : logs.edges()) {
            List<UpdateRow> swaps = edge.updates().stream().filter(UpdateRow::isSwap)
                    .sorted(Comparator.comparingDouble(UpdateRow::spanStart)).toList();
            List<UpdateRound> rounds = UpdateRound.of(oneEdge(logs, edge));
            for (int i = 0; i < swaps.size(); i++) {
                UpdateRow row = swaps.get(i);
                Optional<UpdateRound> round = rounds.stream().filter(r -> r.row().equals(row)).findFirst();
                double previousEnd = i > 0 ? swaps.get(i - 1).updateEnd() : Double.NEGATIVE_INFINITY;
                double nextStart = i + 1 < swaps.size() ? swaps.get(i + 1).spanStart() : Double.POSITIVE_INFINITY;
                updates.add(new UpdateSummary(edge.name(),
                        round.map(UpdateRound::label).orElse(edge.name() + " push"), row, round,
                        clock.seconds(row.spanStart()),
                        AccuracyWindow.before(edge.inference(), previousEnd, row.spanStart()),
                        AccuracyWindow.after(edge.inference(), row.updateEnd(), nextStart)));
            }
        }
        updates.sort((a, b) -> Double.compare(a.startS(), b.startS()));
        double end = logs.edges().stream().flatMap(e -> e.inference().stream()).mapToDouble(InferenceRow::endTime)
                .filter(Double::isFinite).max().orElse(clock.startMillis());
        double consumptionEnd = logs.consumption().stream().mapToDouble(ConsumptionRow::time)
                .filter(Double::isFinite).max().orElse(end);
        return new RunSummary(edges, List.copyOf(updates), logs.retrains(),
                clock.seconds(Math.max(end, consumptionEnd)));
    }

    private static ExperimentLogs oneEdge(ExperimentLogs logs, EdgeLogs edge) {
        return new ExperimentLogs(logs.dir(), List.of(edge), logs.clouds(), List.of(), List.of(), logs.notes(),
                logs.controls(), logs.limits());
    }

    /** Updates that began with an upload (the update loop's rounds). */
    public long uploads() {
        return updates.stream().filter(u -> u.round().isPresent()).count();
    }

    public double frames() {
        return edges.stream().mapToDouble(EdgeSummary::frames).sum();
    }

    public double bytesUp() {
        return edges.stream().mapToDouble(EdgeSummary::bytesUp).sum();
    }

    public double bytesDown() {
        return edges.stream().mapToDouble(EdgeSummary::bytesDown).sum();
    }
}
