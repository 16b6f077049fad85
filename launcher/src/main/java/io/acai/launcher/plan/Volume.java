package io.acai.launcher.plan;

/**
 * A volume mounted into a machine: an NFS export as in the original config, or, when
 * {@code nfsServer} is null, an empty scratch directory (emptyDir on Kubernetes, a folder under the
 * machine's log directory locally).
 */
public record Volume(String name, String mountPath, String nfsServer, String nfsPath) {

    public boolean isNfs() {
        return nfsServer != null;
    }
}
