package io.acai.launcher.report;

import io.acai.records.run.InferenceRow;
import io.acai.records.run.UpdateRow;
import java.util.List;

/** What one edge wrote: its inference windows and its updates (either may be empty when its file is missing). */
public record EdgeLogs(String name, List<InferenceRow> inference, List<UpdateRow> updates) {
}
