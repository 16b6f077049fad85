package io.acai.launcher.run;

import io.acai.records.csv.CsvTail;
import io.acai.records.run.InferenceRow;
import java.nio.file.Path;

/**
 * Follows one edge's {@code edge_inf.csv} as it grows, through its schema's {@link CsvTail} (only the rows added
 * since the last call are read): frames add up, accuracy, model version, inference and wait time are those of the
 * latest row, and the first and latest rows' end times bound the frames served after the first window. A file
 * written anew starts the sums over.
 */
public final class InferenceCsvTail {

    private final CsvTail<InferenceRow> tail;
    private EdgeProgress progress = EdgeProgress.NONE;

    public InferenceCsvTail(Path machineDir) {
        this.tail = InferenceRow.SCHEMA.tail(InferenceRow.SCHEMA.in(machineDir));
    }

    /** The progress including every complete row written so far. */
    public EdgeProgress poll() {
        CsvTail.Batch<InferenceRow> batch = tail.poll();
        if (batch.restarted()) {
            progress = EdgeProgress.NONE;
        }
        for (InferenceRow row : batch.rows()) {
            long frames = Double.isNaN(row.frames()) ? 0 : Math.round(row.frames());
            boolean first = Double.isNaN(progress.firstEnd());
            progress = new EdgeProgress(progress.frames() + frames, row.accuracy(), row.modelVersion(), row.avgInfMs(),
                    row.avgWaitMs(), progress.framesAfterFirst() + (first ? 0 : frames),
                    first ? row.endTime() : progress.firstEnd(), row.endTime());
        }
        return progress;
    }
}
