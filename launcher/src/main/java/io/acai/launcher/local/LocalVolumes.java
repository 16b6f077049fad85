package io.acai.launcher.local;

import io.acai.launcher.plan.ExperimentPlan;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Volumes on this machine: a scratch volume becomes the folder {@code <logs>/<machine>/<volume name>}
 * (the machine's working directory holds it, so a relative path reaches it); an NFS volume is not
 * mounted locally, which is reported once for the whole experiment ({@link #nfsNote}) rather than silently
 * ignored.
 */
final class LocalVolumes {

    private LocalVolumes() {
    }

    /** Creates the scratch folders of one machine (its NFS volumes are {@link #nfsNote}'s). */
    static void prepare(MachinePlan machine, Path workDir) throws IOException {
        for (Volume volume : machine.volumes()) {
            if (!volume.isNfs()) {
                Files.createDirectories(workDir.resolve(safeName(volume.name())));
            }
        }
    }

    /** One line naming every NFS volume of the experiment, which the local runtime does not mount; empty when none. */
    static Optional<String> nfsNote(ExperimentPlan plan) {
        List<String> mounts = new ArrayList<>();
        for (MachinePlan machine : plan.machines()) {
            for (Volume volume : machine.volumes()) {
                if (volume.isNfs()) {
                    mounts.add("NFS volume " + volume.name() + " (" + volume.nfsServer() + ":" + volume.nfsPath() + ") of "
                            + machine.name());
                }
            }
        }
        if (mounts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("NFS volumes are not mounted by the local runtime (their files must already be on this host,"
                + " where the machine's command looks for them): " + String.join(", ", mounts));
    }

    /** A name usable as one path element (and as a cgroup or namespace name part). */
    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe.equals(".") || safe.equals("..") ? "_" + safe : safe;
    }
}
