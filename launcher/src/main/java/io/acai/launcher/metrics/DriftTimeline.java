package io.acai.launcher.metrics;

import io.acai.records.run.InferenceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One edge's inference windows split at its drift. A window's frames are numbered in order from 0 (the edge judges
 * its frames in the order they were requested, so a window's first frame is the sum of the frames of the windows
 * before it): a window whose frames all come before the drift frame is before the drift, one whose frames all come
 * from it on is after; a window holding both is in neither. The drift onset is the end of the last window before the
 * drift (the start of the first window, its end less its frames at the edge's rate, when there is none). Windows
 * without frames or accuracy are left out and do not count in the numbering.
 *
 * @param rows        the windows that count, in time order
 * @param before      the windows before the drift
 * @param after       the windows after the drift
 * @param onsetMillis the drift onset, epoch ms; NaN when there is no drift (known)
 * @param why         why {@code after} is empty: no drift, no rows, or the run ended before the drift
 */
public record DriftTimeline(List<InferenceRow> rows, List<InferenceRow> before, List<InferenceRow> after,
                            double onsetMillis, String why) {

    public DriftTimeline {
        rows = List.copyOf(rows);
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    public static DriftTimeline of(List<InferenceRow> inference, EdgeDrift drift) {
        List<InferenceRow> rows = new ArrayList<>(inference.stream()
                .filter(r -> FrameAccuracy.counts(r) && Double.isFinite(r.endTime())).toList());
        rows.sort(Comparator.comparingDouble(InferenceRow::endTime));
        if (rows.isEmpty()) {
            return new DriftTimeline(rows, List.of(), List.of(), Double.NaN, "no inference rows");
        }
        if (!drift.known()) {
            return new DriftTimeline(rows, List.of(), List.of(), Double.NaN, drift.why());
        }
        List<InferenceRow> before = new ArrayList<>();
        List<InferenceRow> after = new ArrayList<>();
        double first = 0;
        for (InferenceRow row : rows) {
            double end = first + row.frames();
            if (end <= drift.driftFrame()) {
                before.add(row);
            } else if (first >= drift.driftFrame()) {
                after.add(row);
            }
            first = end;
        }
        InferenceRow start = rows.get(0);
        double onset = before.isEmpty() ? start.endTime() - 1000 * start.frames() / drift.rate()
                : before.get(before.size() - 1).endTime();
        String why = after.isEmpty() ? "the run ended before the drift (frame " + drift.driftFrame() + ")" : "";
        return new DriftTimeline(rows, before, after, onset, why);
    }

    /** Whether there are windows after the drift. */
    public boolean drifted() {
        return !after.isEmpty();
    }

    /** Seconds since the drift onset at the end of {@code row}. */
    public double sinceOnset(InferenceRow row) {
        return (row.endTime() - onsetMillis) / 1000;
    }
}
