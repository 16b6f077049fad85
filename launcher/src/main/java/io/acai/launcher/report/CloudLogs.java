package io.acai.launcher.report;

import io.acai.records.run.HoldoutRow;
import io.acai.records.run.RetrainRow;
import java.util.List;

/** What one cloud wrote: its retrains, and its held-out scores (none when it did not score). */
public record CloudLogs(String name, List<RetrainRow> retrains, List<HoldoutRow> holdout) {

    /** A cloud without held-out scores. */
    public CloudLogs(String name, List<RetrainRow> retrains) {
        this(name, retrains, List.of());
    }
}
