package io.acai.launcher.local;

import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and resident memory of process trees (a machine's program and all its descendants) with OSHI.
 * One process listing per {@link #sample} serves every tree. CPU is the tree's user+kernel time
 * since the previous sample of the same root divided by the wall time between them (the first sample
 * counts from the root's start).
 */
final class ProcessTreeSampler {

    /** One tree's usage: cores busy on average since the previous sample, and resident MiB now. */
    record TreeUsage(double cpuCores, double memoryMib) {
    }

    private final OperatingSystem os = new SystemInfo().getOperatingSystem();
    private final Map<Long, long[]> previous = new HashMap<>();

    /** Usage of each root pid that is still alive, in the order given; absent roots are left out. */
    synchronized Map<Long, TreeUsage> sample(List<Long> roots) {
        long now = System.currentTimeMillis();
        List<OSProcess> all = os.getProcesses(null, null, 0);
        Map<Integer, OSProcess> byPid = new HashMap<>();
        Map<Integer, List<OSProcess>> children = new HashMap<>();
        for (OSProcess p : all) {
            byPid.put(p.getProcessID(), p);
            children.computeIfAbsent(p.getParentProcessID(), k -> new ArrayList<>()).add(p);
        }
        Map<Long, TreeUsage> usage = new HashMap<>();
        for (long root : roots) {
            OSProcess top = byPid.get((int) root);
            if (top == null) {
                continue;
            }
            long cpuMillis = 0;
            long rss = 0;
            List<OSProcess> stack = new ArrayList<>(List.of(top));
            while (!stack.isEmpty()) {
                OSProcess p = stack.remove(stack.size() - 1);
                cpuMillis += p.getUserTime() + p.getKernelTime();
                rss += p.getResidentSetSize();
                stack.addAll(children.getOrDefault(p.getProcessID(), List.of()));
            }
            long[] before = previous.getOrDefault(root, new long[] {top.getStartTime(), 0});
            long wall = Math.max(1, now - before[0]);
            double cores = Math.max(0, cpuMillis - before[1]) / (double) wall;
            previous.put(root, new long[] {now, cpuMillis});
            usage.put(root, new TreeUsage(cores, rss / (1024.0 * 1024.0)));
        }
        return usage;
    }
}
