package io.acai.launcher.local;

import io.acai.launcher.plan.Resources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** CPU and memory limits of the local runtime's machines, through whichever cgroup version this host offers. */
interface CgroupLimits {

    /** One line for {@link LocalRuntime#describe()}: which cgroups are used, or why none are. */
    String describe();

    /**
     * Creates the cgroups of one machine, recording each in the ledger first, and sets its limits.
     *
     * @return the {@code cgroup.procs} files the machine's process must join before it starts the
     *     program (empty when the machine has no limits or the host offers no usable cgroups)
     */
    List<Path> create(String machine, Resources resources, TeardownLedger ledger) throws IOException;

    /** No limits: unprivileged, not Linux, or no usable controllers. */
    static CgroupLimits none(String why) {
        return new CgroupLimits() {
            @Override
            public String describe() {
                return "no cgroup limits (" + why + ")";
            }

            @Override
            public List<Path> create(String machine, Resources resources, TeardownLedger ledger) {
                return List.of();
            }
        };
    }
}
