package io.acai.launcher.report;

import io.acai.records.run.RetrainRow;
import java.util.List;

/** What one cloud wrote: its retrains. */
public record CloudLogs(String name, List<RetrainRow> retrains) {
}
