package io.acai.launcher.run;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.LargeFleet;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.Role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live status of a run, one line for the experiment (progress bar) and one per machine:
 *
 * <pre>
 * drift-demo [##########..........]  2:00 / 4:00
 *   cloud       server  RUNNING
 *   edge-near   client  RUNNING   frames    240  accuracy 0.80  model 1
 *   edge-static client  RUNNING   frames    240  accuracy 0.55  model 0  static control of edge-near
 * </pre>
 *
 * With more than {@value LargeFleet#EDGES_ONE_BY_ONE} edges ({@link LargeFleet}) the clouds keep their lines and the
 * edges become one {@link FleetStatus} block of fixed size.
 */
public final class StatusBoard {

    static final int BAR_WIDTH = 30;
    /** How a machine that ended with a nonzero exit code shows, followed by the code. */
    static final String FAILED = "FAILED ";

    private final ExperimentPlan plan;
    private final int nameWidth;
    /** The edges' summary, or null when the edges are shown one by one. */
    private final FleetStatus fleet;

    public StatusBoard(ExperimentPlan plan) {
        this.plan = plan;
        this.fleet = LargeFleet.summarizes(plan.edges().size()) ? new FleetStatus(plan.edges()) : null;
        this.nameWidth = plan.machines().stream().filter(m -> fleet == null || m.role() != Role.EDGE)
                .mapToInt(m -> m.name().length()).max().orElse(4);
    }

    public List<String> render(Duration elapsed, Map<String, MachineState> states, Map<String, EdgeProgress> edges) {
        return render(elapsed, states, edges, Map.of());
    }

    /**
     * As {@link #render(Duration, Map, Map)}; a machine that ended with a nonzero code in {@code exitCodes} shows as
     * {@code FAILED <code>}.
     */
    public List<String> render(Duration elapsed, Map<String, MachineState> states, Map<String, EdgeProgress> edges,
                               Map<String, Integer> exitCodes) {
        List<String> lines = new ArrayList<>();
        lines.add(plan.name() + " " + ProgressBar.render(elapsed, plan.duration(), BAR_WIDTH));
        for (MachinePlan machine : plan.machines()) {
            if (fleet != null && machine.role() == Role.EDGE) {
                continue;
            }
            String shown = shown(states.getOrDefault(machine.name(), MachineState.STARTING),
                    exitCodes.get(machine.name()));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + nameWidth + "s  %-6s  %-8s",
                    machine.name(), machine.role().category(), shown));
            EdgeProgress progress = edges.get(machine.name());
            if (machine.role() == Role.EDGE && progress != null) {
                if (progress.started()) {
                    line.append(String.format(Locale.ROOT, "  frames %6d  accuracy %.2f  model %s", progress.frames(),
                            progress.accuracy(), progress.modelVersion().isEmpty() ? "?" : progress.modelVersion()));
                } else if (machine.runsProjectApp()) {
                    line.append("  no inference yet");
                }
            }
            if (machine.isControl()) {
                line.append("  static control of ").append(machine.controlOf());
            }
            lines.add(line.toString().stripTrailing());
        }
        if (fleet != null) {
            lines.addAll(fleet.render(states, edges, exitCodes));
        }
        return lines;
    }

    /** The state as shown: its name, or {@code FAILED <code>} for a machine that ended with a nonzero exit code. */
    static String shown(MachineState state, Integer exitCode) {
        return state == MachineState.EXITED && exitCode != null && exitCode != 0 ? FAILED + exitCode : state.name();
    }
}
