package io.acai.launcher.report;

import java.util.ArrayList;
import java.util.List;

/** The numbers of the report's summary tables: per edge, per update, and the totals. */
public record RunSummary(List<EdgeSummary> edges, List<UpdateSummary> updates, List<RetrainRow> retrains,
                         double durationS) {

    public static RunSummary of(ExperimentLogs logs, ExperimentClock clock) {
        List<EdgeSummary> edges = logs.edges().stream().map(EdgeSummary::of).toList();
        List<UpdateSummary> updates = new ArrayList<>();
        for (EdgeLogs edge : logs.edges()) {
            List<UpdateRow> complete = edge.updates().stream().filter(UpdateRow::isComplete).toList();
            for (UpdateRound round : UpdateRound.of(oneEdge(logs, edge))) {
                int index = complete.indexOf(round.row());
                double previousEnd = index > 0 ? complete.get(index - 1).updateEnd() : Double.NEGATIVE_INFINITY;
                double nextStart = index >= 0 && index + 1 < complete.size()
                        ? complete.get(index + 1).updateStart() : Double.POSITIVE_INFINITY;
                UpdateRow row = round.row();
                updates.add(new UpdateSummary(round, clock.seconds(row.updateStart()),
                        AccuracyWindow.before(edge.inference(), previousEnd, row.updateStart()),
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
        return new ExperimentLogs(logs.dir(), List.of(edge), logs.clouds(), List.of(), List.of(), logs.notes());
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
