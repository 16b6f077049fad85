package io.acai.launcher.run;

import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Role;

/**
 * An edge's requests per second as its plan gives them: the seventh positional argument of {@code edge-app.jar}
 * ({@code <cloud host> <cloud port> <inference log> <update log> <inference csv> <update csv> <rate> [<edge id>]}),
 * which the config's {@code app.rate} and the original project's script arguments both become.
 */
final class EdgeRequestRate {

    /** The index of the rate among the edge app's arguments. */
    static final int POSITION = 6;

    private EdgeRequestRate() {
    }

    /** The rate, or NaN for a machine that is not an edge running the project's app or whose argument is no rate. */
    static double of(MachinePlan machine) {
        if (machine.role() != Role.EDGE || !machine.runsProjectApp() || machine.args().size() <= POSITION) {
            return Double.NaN;
        }
        try {
            double rate = Double.parseDouble(machine.args().get(POSITION));
            return rate > 0 && Double.isFinite(rate) ? rate : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
