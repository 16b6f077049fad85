package io.acai.launcher.plan;

/**
 * Where the launcher stops showing edges one by one. Up to {@value #EDGES_ONE_BY_ONE} edges the live status has a
 * line per machine and the report a line per edge in every chart; above, the live status is a summary of fixed size
 * (machines by state, accuracy spread, frames served against requested, the slowest edges) and the report's main
 * page shows the edges as medians with their spread, the per-edge charts and tables on a page of their own.
 *
 * <p>Why {@value #EDGES_ONE_BY_ONE}: the report's palette has ten colours, so beyond ten edges two of them share a
 * colour and a line per edge no longer tells them apart; and ten edge lines, the cloud's, the progress bar and a
 * few messages fill a terminal of 24 lines.
 */
public final class LargeFleet {

    /** The most edges shown one by one. */
    public static final int EDGES_ONE_BY_ONE = 10;

    private LargeFleet() {
    }

    /** Whether {@code edges} edges are shown as a summary rather than one by one. */
    public static boolean summarizes(long edges) {
        return edges > EDGES_ONE_BY_ONE;
    }
}
