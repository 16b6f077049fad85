package io.acai.launcher.metrics;

import io.acai.records.run.InferenceRow;
import io.acai.records.run.UpdateRow;
import java.util.List;

/** What one edge wrote: its {@code edge_inf.csv} and {@code edge_update.csv} rows (empty when a file is missing). */
public record EdgeRecords(String name, List<InferenceRow> inference, List<UpdateRow> updates) {

    public EdgeRecords {
        inference = List.copyOf(inference);
        updates = List.copyOf(updates);
    }
}
