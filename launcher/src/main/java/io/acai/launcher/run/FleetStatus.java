package io.acai.launcher.run;

import io.acai.launcher.metrics.Percentile;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live status of many edges as a block of fixed size, whatever their number (a line per machine stops being
 * readable at a few dozen):
 *
 * <pre>
 *   edges     100: 3 STARTING, 95 RUNNING, 2 FAILED 5
 *   serving   93 of 100; 2 running with no inference yet
 *   frames    11,520 served; 97.6% of the 11,800 requested after each edge's first window
 *   accuracy  latest window of 93 edges: min 0.40  median 0.71  max 0.90
 *   slowest   share of requests served, latest inference and wait:
 *     edge-17   52.0%  inference  530 ms  wait 1,900 ms  model 3
 * </pre>
 *
 * Requested frames are the edge's rate times the time from the end of its first window of inferences to the end of
 * its latest: start-up does not count, a queue that keeps growing does. The slowest edges are the
 * {@value #SLOWEST} running ones that served the smallest share of their requests, then those with the longest
 * inference where the share is not known yet. Static controls count among the edges; their accuracy, the starting
 * model's, is shown apart.
 */
final class FleetStatus {

    /** How many of the slowest edges are named. */
    static final int SLOWEST = 5;

    private final List<MachinePlan> edges;
    private final int nameWidth;

    FleetStatus(List<MachinePlan> edges) {
        this.edges = List.copyOf(edges);
        this.nameWidth = edges.stream().mapToInt(m -> m.name().length()).max().orElse(4);
    }

    List<String> render(Map<String, MachineState> states, Map<String, EdgeProgress> progress,
                        Map<String, Integer> exitCodes) {
        List<String> lines = new ArrayList<>();
        lines.add("  edges     " + edges.size() + ": " + byState(states, exitCodes));
        lines.add(serving(states, progress));
        lines.add(frames(progress));
        lines.add(accuracy(progress, false));
        if (edges.stream().anyMatch(MachinePlan::isControl)) {
            lines.add(accuracy(progress, true));
        }
        lines.addAll(slowest(states, progress));
        return lines;
    }

    /** {@code 3 STARTING, 95 RUNNING, 2 FAILED 5}: the states in their order, each failing exit code apart. */
    private String byState(Map<String, MachineState> states, Map<String, Integer> exitCodes) {
        Map<String, Integer> counts = new TreeMap<>(Comparator.comparingInt(FleetStatus::stateOrder)
                .thenComparingInt(FleetStatus::failedCode));
        for (MachinePlan edge : edges) {
            counts.merge(StatusBoard.shown(state(states, edge), exitCodes.get(edge.name())), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((state, count) -> parts.add(count + " " + state));
        return String.join(", ", parts);
    }

    /** STARTING, RUNNING, EXITED, STOPPED, then FAILED by code. */
    private static int stateOrder(String shown) {
        for (MachineState state : MachineState.values()) {
            if (state.name().equals(shown)) {
                return state.ordinal();
            }
        }
        return MachineState.values().length;
    }

    private static int failedCode(String shown) {
        return shown.startsWith(StatusBoard.FAILED) ? Integer.parseInt(shown.substring(StatusBoard.FAILED.length())) : 0;
    }

    private String serving(Map<String, MachineState> states, Map<String, EdgeProgress> progress) {
        long serving = edges.stream().filter(e -> progress(progress, e).started()).count();
        long waiting = edges.stream().filter(e -> state(states, e) == MachineState.RUNNING && e.runsProjectApp()
                && !progress(progress, e).started()).count();
        return "  serving   " + serving + " of " + edges.size()
                + (waiting > 0 ? "; " + waiting + " running with no inference yet" : "");
    }

    private String frames(Map<String, EdgeProgress> progress) {
        long served = 0;
        long servedAfterFirst = 0;
        double requested = 0;
        for (MachinePlan edge : edges) {
            EdgeProgress p = progress(progress, edge);
            served += p.frames();
            double asked = p.requestedAfterFirst(EdgeRequestRate.of(edge));
            if (Double.isFinite(asked)) {
                servedAfterFirst += p.framesAfterFirst();
                requested += asked;
            }
        }
        String line = String.format(Locale.ROOT, "  frames    %,d served", served);
        if (requested > 0) {
            line += String.format(Locale.ROOT, "; %.1f%% of the %,d requested after each edge's first window",
                    100.0 * servedAfterFirst / requested, Math.round(requested));
        }
        return line;
    }

    private String accuracy(Map<String, EdgeProgress> progress, boolean controls) {
        double[] latest = edges.stream().filter(e -> e.isControl() == controls).map(e -> progress(progress, e))
                .filter(EdgeProgress::started).mapToDouble(EdgeProgress::accuracy).toArray();
        String label = controls ? "  controls  " : "  accuracy  ";
        String of = controls ? " static controls" : " edges";
        if (latest.length == 0) {
            return label + "no" + of.substring(0, of.length() - 1) + " has inferred yet";
        }
        return label + String.format(Locale.ROOT, "latest window of %d%s: min %.2f  median %.2f  max %.2f",
                latest.length, latest.length == 1 ? of.substring(0, of.length() - 1) : of, Percentile.of(latest, 0),
                Percentile.of(latest, 0.5), Percentile.of(latest, 1));
    }

    private List<String> slowest(Map<String, MachineState> states, Map<String, EdgeProgress> progress) {
        record Pace(MachinePlan edge, EdgeProgress progress, double share) {
        }
        List<Pace> running = edges.stream().filter(e -> state(states, e) == MachineState.RUNNING)
                .map(e -> new Pace(e, progress(progress, e), progress(progress, e).servedShare(EdgeRequestRate.of(e))))
                .filter(p -> p.progress().started()).sorted(Comparator
                        .comparingDouble((Pace p) -> Double.isNaN(p.share()) ? Double.MAX_VALUE : p.share())
                        .thenComparing(Comparator.comparingDouble((Pace p) -> Double.isNaN(p.progress().inferenceMs())
                                ? Double.NEGATIVE_INFINITY : p.progress().inferenceMs()).reversed())
                        .thenComparing(p -> p.edge().name()))
                .limit(SLOWEST).toList();
        if (running.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("  slowest   share of requests served, latest inference and wait:");
        for (Pace pace : running) {
            EdgeProgress p = pace.progress();
            lines.add(String.format(Locale.ROOT, "    %-" + nameWidth + "s  %6s  inference %6s  wait %8s  model %s",
                    pace.edge().name(), Double.isNaN(pace.share()) ? "?" : String.format(Locale.ROOT, "%.1f%%",
                            100 * pace.share()), millis(p.inferenceMs()), millis(p.waitMs()),
                    p.modelVersion().isEmpty() ? "?" : p.modelVersion()));
        }
        return lines;
    }

    private static String millis(double ms) {
        return Double.isFinite(ms) ? String.format(Locale.ROOT, "%,.0f ms", ms) : "?";
    }

    private static MachineState state(Map<String, MachineState> states, MachinePlan edge) {
        return states.getOrDefault(edge.name(), MachineState.STARTING);
    }

    private static EdgeProgress progress(Map<String, EdgeProgress> progress, MachinePlan edge) {
        return progress.getOrDefault(edge.name(), EdgeProgress.NONE);
    }
}
