package io.acai.launcher.compare;

import io.acai.launcher.metrics.AccuracyCurve;
import io.acai.records.run.SummaryRow;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One run as the comparison uses it: its metrics ({@code summary.csv}'s rows) and each edge's 30 s rolling
 * accuracy over time (seconds since the run started).
 *
 * @param dir       its logs folder
 * @param repeat    its repeat number in a campaign, null for a plain run
 * @param seed      its {@code experiment.seed}, null when not known
 * @param controlOf each static control edge to the edge it is the control of
 * @param summary   its metrics, one row per machine and metric
 * @param curves    each edge's rolling accuracy, by edge name
 */
public record ComparedRun(Path dir, Integer repeat, Long seed, Map<String, String> controlOf, List<SummaryRow> summary,
                          Map<String, AccuracyCurve> curves) {

    public ComparedRun {
        controlOf = Map.copyOf(controlOf);
        summary = List.copyOf(summary);
        curves = Map.copyOf(curves);
    }

    /** The folder's name: the run's id in a campaign. */
    public String id() {
        return dir.getFileName().toString();
    }

    /**
     * The run's value of {@code metric}: the mean over its machines that measured it, static controls left out; NaN
     * when none did.
     */
    public double value(String metric) {
        return summary.stream().filter(r -> r.metric().equals(metric) && r.measured())
                .filter(r -> !controlOf.containsKey(r.machine())).mapToDouble(SummaryRow::value).average()
                .orElse(Double.NaN);
    }

    /** The curves of the learning edges (those that are not static controls). */
    public List<AccuracyCurve> learningCurves() {
        return curves.entrySet().stream().filter(e -> !controlOf.containsKey(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    /** The curves of the static controls. */
    public List<AccuracyCurve> controlCurves() {
        return curves.entrySet().stream().filter(e -> controlOf.containsKey(e.getKey())).map(Map.Entry::getValue)
                .toList();
    }

    /** The last time any curve reaches, in seconds; 0 without curves. */
    public double lastSecond() {
        return curves.values().stream().mapToDouble(c -> c.size() == 0 ? 0 : c.seconds()[c.size() - 1]).max().orElse(0);
    }

    @Override
    public String toString() {
        return id() + " " + Arrays.toString(new Object[] {repeat, seed});
    }
}
