package io.acai.launcher.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What the report could not use: files that are missing and lines that were skipped. Shown at the top of
 * {@code report.html} so that a run cut short says what it lacks instead of failing.
 */
public final class ReportNotes {

    private final List<String> missing = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** A file or a chart's input that is absent, for example {@code edge2/edge_update.csv}. */
    public void missing(String what) {
        if (!missing.contains(what)) {
            missing.add(what);
        }
    }

    /** A line that was skipped, a column that could not be used, a chart that could not be drawn. */
    public void warning(String what) {
        warnings.add(what);
    }

    public List<String> missing() {
        return List.copyOf(missing);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return missing.isEmpty() && warnings.isEmpty();
    }
}
