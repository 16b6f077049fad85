package io.acai.launcher.local;

import io.acai.launcher.plan.Resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Limits through cgroup v2: {@code cpu.max} and {@code memory.max} in
 * {@code <root>/acai-<run id>/<machine>}. Used only when the root cgroup already delegates the cpu
 * and memory controllers to its children (as systemd hosts do), so nothing outside the run's own
 * cgroup is changed.
 */
final class CgroupV2Limits implements CgroupLimits {

    private final Path root;
    private final String runId;
    private Path runDir;

    CgroupV2Limits(Path root, String runId) {
        this.root = root;
        this.runId = runId;
    }

    @Override
    public String describe() {
        return "cgroup v2 limits (under " + root + ")";
    }

    @Override
    public synchronized List<Path> create(String machine, Resources resources, TeardownLedger ledger) throws IOException {
        if (resources.cpuLimitMillis() == 0 && resources.memoryLimitBytes() == 0) {
            return List.of();
        }
        if (runDir == null) {
            Path dir = root.resolve("acai-" + runId);
            ledger.record(TeardownLedger.Kind.CGROUP, dir.toString());
            Files.createDirectory(dir);
            Files.writeString(dir.resolve("cgroup.subtree_control"), "+cpu +memory");
            runDir = dir;
        }
        Path dir = runDir.resolve(LocalVolumes.safeName(machine));
        ledger.record(TeardownLedger.Kind.CGROUP, dir.toString());
        Files.createDirectory(dir);
        if (resources.cpuLimitMillis() > 0) {
            Files.writeString(dir.resolve("cpu.max"),
                    resources.cpuLimitMillis() * CgroupV1Limits.PERIOD_MICROS / 1000 + " " + CgroupV1Limits.PERIOD_MICROS);
        }
        if (resources.memoryLimitBytes() > 0) {
            Files.writeString(dir.resolve("memory.max"), Long.toString(resources.memoryLimitBytes()));
        }
        return List.of(dir.resolve("cgroup.procs"));
    }
}
