package io.acai.launcher.report;

import io.acai.records.run.UpdateRow;
import java.util.Optional;

/**
 * One new model swapped in on one edge, with the accuracy around it.
 *
 * @param label          {@code edge1 #2} for the edge's second upload, {@code edge1 push} for a model pushed after
 *                       another edge's upload
 * @param round          the update loop when this edge uploaded, empty for a pushed model
 * @param startS         start of the update (or the pushed model's arrival), seconds since the experiment started
 * @param accuracyBefore share of correct frames just before the update (see {@link AccuracyWindow}), NaN if unknown
 * @param accuracyAfter  share of correct frames just after the swap, NaN if unknown
 */
public record UpdateSummary(String edge, String label, UpdateRow row, Optional<UpdateRound> round, double startS,
                            double accuracyBefore, double accuracyAfter) {

    /** Threshold (or arrival) to new model serving, s. */
    public double loopS() {
        return round.map(UpdateRound::totalS).orElse((row.updateEnd() - row.spanStart()) / 1000.0);
    }
}
