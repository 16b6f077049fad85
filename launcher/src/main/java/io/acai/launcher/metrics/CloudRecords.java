package io.acai.launcher.metrics;

import io.acai.records.run.HoldoutRow;
import io.acai.records.run.RetrainRow;
import java.util.List;
import java.util.Optional;

/**
 * What one cloud wrote: its {@code cloud.csv} rows, and its {@code holdout.csv} rows when it wrote that file.
 */
public record CloudRecords(String name, List<RetrainRow> retrains, Optional<List<HoldoutRow>> holdout) {

    public CloudRecords {
        retrains = List.copyOf(retrains);
        holdout = holdout.map(List::copyOf);
    }
}
