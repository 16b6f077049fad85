package io.acai.launcher.kubernetes;

import java.util.Locale;

/** How links are shaped on a cluster. */
public enum ShapingMode {
    /**
     * A shaping container with NET_ADMIN in every pod applies per-destination htb + netem rules that
     * the launcher computes once pod addresses are known.
     */
    TC("tc"),
    /** Chaos Mesh NetworkChaos resources, as the original project used (Chaos Mesh must be installed). */
    CHAOS_MESH("chaos-mesh"),
    /** Links are left as the cluster's network makes them. */
    NONE("none");

    private final String id;

    ShapingMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ShapingMode parse(String value) {
        for (ShapingMode mode : values()) {
            if (mode.id.equals(value.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("shaping: \"" + value + "\" (expected: tc, chaos-mesh or none)");
    }
}
