package io.acai.launcher.report;

import java.util.List;

/** What one cloud wrote: its retrains. */
public record CloudLogs(String name, List<RetrainRow> retrains) {
}
