package io.acai.launcher.metrics;

import io.acai.records.run.HoldoutRow;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much of the pre-drift style the cloud's models forgot, in percentage points: the accuracy of the first model
 * version on the held-out {@code pre_drift} frames of {@code holdout.csv} less that of the latest version (positive:
 * the latest model does worse on what the first one saw). Versions are ordered as numbers (as text when one is not
 * a number); a version scored more than once counts with its last score.
 */
public final class Forgetting {

    private static final Comparator<String> VERSIONS = Forgetting::compareVersions;

    private Forgetting() {
    }

    /** @param holdout the rows of {@code holdout.csv}, empty when the cloud wrote none */
    public static MetricValue of(Optional<List<HoldoutRow>> holdout) {
        if (holdout.isEmpty()) {
            return MetricValue.notMeasured("no " + HoldoutRow.SCHEMA.fileName());
        }
        List<HoldoutRow> pre = holdout.get().stream()
                .filter(r -> HoldoutRow.PRE_DRIFT.equals(r.style()) && Double.isFinite(r.accuracy()))
                .sorted(Comparator.comparing(HoldoutRow::modelVersion, VERSIONS)
                        .thenComparingDouble(HoldoutRow::time))
                .toList();
        if (pre.isEmpty()) {
            return MetricValue.notMeasured("no " + HoldoutRow.PRE_DRIFT + " rows in " + HoldoutRow.SCHEMA.fileName());
        }
        String firstVersion = pre.get(0).modelVersion();
        HoldoutRow first = pre.stream().filter(r -> r.modelVersion().equals(firstVersion)).reduce((a, b) -> b)
                .orElseThrow();
        HoldoutRow latest = pre.get(pre.size() - 1);
        if (latest.modelVersion().equals(firstVersion)) {
            return MetricValue.notMeasured("only model version " + firstVersion + " was scored");
        }
        return new MetricValue(100 * (first.accuracy() - latest.accuracy()), String.format(Locale.ROOT,
                "v%s %.1f%% -> v%s %.1f%%", first.modelVersion(), 100 * first.accuracy(), latest.modelVersion(),
                100 * latest.accuracy()));
    }

    static int compareVersions(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
