package io.acai.launcher.local;

import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Volumes on this machine: a scratch volume becomes the folder {@code <logs>/<machine>/<volume name>}
 * (the machine's working directory holds it, so a relative path reaches it); an NFS volume is not
 * mounted locally, which is reported rather than silently ignored.
 */
final class LocalVolumes {

    private LocalVolumes() {
    }

    /** Creates the scratch folders of one machine and returns a warning per volume that is not provided. */
    static List<String> prepare(MachinePlan machine, Path workDir) throws IOException {
        List<String> warnings = new ArrayList<>();
        for (Volume volume : machine.volumes()) {
            if (volume.isNfs()) {
                warnings.add("machine " + machine.name() + ": NFS volume " + volume.name() + " (" + volume.nfsServer() + ":"
                        + volume.nfsPath() + ") is not mounted by the local runtime; its files must already be on this host");
            } else {
                Files.createDirectories(workDir.resolve(safeName(volume.name())));
            }
        }
        return warnings;
    }

    /** A name usable as one path element (and as a cgroup or namespace name part). */
    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe.equals(".") || safe.equals("..") ? "_" + safe : safe;
    }
}
