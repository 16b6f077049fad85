package io.acai.launcher.local;

import io.acai.launcher.plan.Resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Limits through cgroup v1: {@code cpu.cfs_quota_us} over a 100 ms period in the cpu hierarchy and
 * {@code memory.limit_in_bytes} in the memory hierarchy, each under
 * {@code <launcher's own cgroup>/acai-<run id>/<machine>} so that the limits of whatever contains
 * the launcher still apply.
 */
final class CgroupV1Limits implements CgroupLimits {

    static final long PERIOD_MICROS = 100_000;

    private final Path cpuBase;
    private final Path memoryBase;
    private final String runId;
    private final List<Path> runDirs = new ArrayList<>();

    /**
     * @param cpuBase the launcher's cgroup in the cpu hierarchy
     * @param memoryBase the launcher's cgroup in the memory hierarchy
     */
    CgroupV1Limits(Path cpuBase, Path memoryBase, String runId) {
        this.cpuBase = cpuBase;
        this.memoryBase = memoryBase;
        this.runId = runId;
    }

    @Override
    public String describe() {
        return "cgroup v1 limits (cpu under " + cpuBase + ", memory under " + memoryBase + ")";
    }

    @Override
    public List<Path> create(String machine, Resources resources, TeardownLedger ledger) throws IOException {
        List<Path> procs = new ArrayList<>();
        if (resources.cpuLimitMillis() > 0) {
            Path dir = machineDir(cpuBase, machine, ledger);
            Files.writeString(dir.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            Files.writeString(dir.resolve("cpu.cfs_quota_us"), Long.toString(resources.cpuLimitMillis() * PERIOD_MICROS / 1000));
            procs.add(dir.resolve("cgroup.procs"));
        }
        if (resources.memoryLimitBytes() > 0) {
            Path dir = machineDir(memoryBase, machine, ledger);
            Files.writeString(dir.resolve("memory.limit_in_bytes"), Long.toString(resources.memoryLimitBytes()));
            procs.add(dir.resolve("cgroup.procs"));
        }
        return procs;
    }

    private Path machineDir(Path base, String machine, TeardownLedger ledger) throws IOException {
        Path run = base.resolve("acai-" + runId);
        synchronized (runDirs) {
            if (!runDirs.contains(run)) {
                ledger.record(TeardownLedger.Kind.CGROUP, run.toString());
                Files.createDirectory(run);
                runDirs.add(run);
            }
        }
        Path dir = run.resolve(LocalVolumes.safeName(machine));
        ledger.record(TeardownLedger.Kind.CGROUP, dir.toString());
        Files.createDirectory(dir);
        return dir;
    }
}
