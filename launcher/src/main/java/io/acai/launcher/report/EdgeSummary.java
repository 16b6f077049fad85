package io.acai.launcher.report;

import io.acai.records.run.InferenceRow;
import io.acai.records.run.UpdateRow;
import java.util.Optional;

/**
 * One edge over the whole run.
 *
 * @param frames    frames processed
 * @param accuracy  share of correct frames over the run (0..1), NaN without inference rows
 * @param updates   new models swapped in (after its own uploads or pushed after others')
 * @param bytesUp   bytes uploaded over all updates
 * @param bytesDown bytes downloaded over all updates
 * @param lastModel model version of the last inference window, empty if unknown
 * @param controlOf the edge this one is the static control of, empty for an edge that is not a control
 */
public record EdgeSummary(String edge, double frames, double accuracy, int updates, double bytesUp,
                          double bytesDown, String lastModel, Optional<String> controlOf) {

    static EdgeSummary of(EdgeLogs edge, Optional<String> controlOf) {
        double frames = edge.inference().stream().mapToDouble(InferenceRow::frames).filter(Double::isFinite).sum();
        double accuracy = AccuracyWindow.weighted(edge.inference());
        int updates = (int) edge.updates().stream().filter(UpdateRow::isSwap).count();
        double up = edge.updates().stream().mapToDouble(UpdateRow::bytesUp).filter(Double::isFinite).sum();
        double down = edge.updates().stream().mapToDouble(UpdateRow::bytesDown).filter(Double::isFinite).sum();
        String last = edge.inference().isEmpty() ? "" : edge.inference().get(edge.inference().size() - 1).modelVersion();
        return new EdgeSummary(edge.name(), frames, accuracy, updates, up, down, last, controlOf);
    }
}
