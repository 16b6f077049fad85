package io.acai.launcher.report;

/**
 * One update with the accuracy around it.
 *
 * @param startS         update start, seconds since the experiment started
 * @param accuracyBefore share of correct frames just before the update (see {@link AccuracyWindow}), NaN if unknown
 * @param accuracyAfter  share of correct frames just after the swap, NaN if unknown
 */
public record UpdateSummary(UpdateRound round, double startS, double accuracyBefore, double accuracyAfter) {
}
