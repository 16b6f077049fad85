package io.acai.launcher.local;

import io.acai.records.csv.CsvValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What this host lets the local runtime do, found by trying rather than by reading version numbers:
 * network namespaces by creating a scratch one, netem and the packet-drop filter by adding them to a
 * scratch veth pair inside it, cgroups by the mounted hierarchies. The scratch namespace is recorded in a
 * ledger like any other object, so even a crash during the probe leaves nothing behind for long.
 *
 * @param linux the host runs Linux
 * @param root the launcher runs as uid 0
 * @param namespaces {@code ip netns} works: the namespace mode is possible
 * @param netem the kernel has the netem qdisc (delay, jitter and loss in the kernel)
 * @param dropFilter the kernel runs classic BPF tc filters (random loss without netem)
 * @param why when namespaces are not possible, the reason
 */
record HostCapabilities(boolean linux, boolean root, boolean namespaces, boolean netem, boolean dropFilter,
        String why) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh 6-hex-digit id for a run's object names. */
    static String newRunId() {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static HostCapabilities probe() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (!linux) {
            return new HostCapabilities(false, false, false, false, false, "not Linux");
        }
        boolean root = isRoot();
        if (!root) {
            return new HostCapabilities(true, false, false, false, false, "not running as root");
        }
        TeardownLedger.removeLeftovers(TeardownLedger.defaultRoot());
        String id = newRunId();
        String ns = "acai-" + id + "-probe";
        TeardownLedger ledger;
        try {
            ledger = TeardownLedger.open(TeardownLedger.defaultRoot(), id);
        } catch (IOException e) {
            return new HostCapabilities(true, true, false, false, false, "cannot write a ledger: " + e.getMessage());
        }
        try {
            ledger.record(TeardownLedger.Kind.NETNS, ns);
            HostCommand.run("ip", "netns", "add", ns);
            HostCommand.run("ip", "-n", ns, "link", "add", "acai0", "type", "veth", "peer", "name", "acai1");
            HostCommand.run("ip", "-n", ns, "link", "set", "acai0", "up");
            boolean netem = HostCommand.succeeds("tc", "-n", ns, "qdisc", "add", "dev", "acai0", "root", "netem", "delay", "1ms");
            if (netem) {
                HostCommand.run("tc", "-n", ns, "qdisc", "del", "dev", "acai0", "root");
            }
            boolean drop = HostCommand.succeeds("tc", "-n", ns, "qdisc", "add", "dev", "acai0", "root", "handle", "1:", "htb")
                    && HostCommand.succeeds("tc", "-n", ns, "filter", "add", "dev", "acai0", "parent", "1:", "protocol",
                            "ip", "prio", "1", "bpf", "bytecode", LossFilter.bytecode(1, 0x10001, 0x10002));
            return new HostCapabilities(true, true, true, netem, drop, "");
        } catch (IOException e) {
            return new HostCapabilities(true, true, false, false, false, "ip netns does not work: " + e.getMessage());
        } finally {
            ledger.undo();
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The cgroup limits this host offers for a run: v2 where its controllers are delegated, else v1, else none. */
    static CgroupLimits cgroupLimits(String runId) {
        Path v2 = Path.of("/sys/fs/cgroup");
        try {
            if (Files.isRegularFile(v2.resolve("cgroup.subtree_control"))) {
                List<String> enabled = List.of(Files.readString(v2.resolve("cgroup.subtree_control")).strip().split("\\s+"));
                if (enabled.contains("cpu") && enabled.contains("memory") && Files.isWritable(v2)) {
                    return new CgroupV2Limits(v2, runId);
                }
            }
            Optional<Path> cpu = v1Base("cpu");
            Optional<Path> memory = v1Base("memory");
            if (cpu.isPresent() && memory.isPresent() && Files.isWritable(cpu.get()) && Files.isWritable(memory.get())) {
                return new CgroupV1Limits(cpu.get(), memory.get(), runId);
            }
            return CgroupLimits.none("neither cgroup v2 with delegated cpu and memory controllers nor writable v1 cpu and memory hierarchies");
        } catch (IOException e) {
            return CgroupLimits.none("cannot read cgroups: " + e.getMessage());
        }
    }

    /** The launcher's own cgroup in the v1 hierarchy of one controller, from /proc/mounts and /proc/self/cgroup. */
    private static Optional<Path> v1Base(String controller) throws IOException {
        Path mount = null;
        for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
            String[] f = line.split(" ");
            if (f.length > 3 && f[2].equals("cgroup") && CsvValues.parse(f[3]).contains(controller)) {
                mount = Path.of(f[1]);
                break;
            }
        }
        if (mount == null) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && CsvValues.parse(f[1]).contains(controller)) {
                Path own = mount.resolve(f[2].substring(1));
                return Files.isDirectory(own) ? Optional.of(own) : Optional.of(mount);
            }
        }
        return Optional.of(mount);
    }

    /** What cannot be emulated in the mode these capabilities select. */
    String limitations() {
        if (!namespaces) {
            return "loss cannot be emulated (a user-space TCP relay cannot drop packets), CPU and memory are limited only"
                    + " through JVM flags (no cgroups), and all machines share the host's loopback";
        }
        StringBuilder sb = new StringBuilder();
        if (!netem) {
            sb.append("no netem in this kernel: delay and jitter come from a user-space TCP relay on the project's"
                    + " protocol port (other traffic between machines has no delay)");
        }
        if (!dropFilter) {
            sb.append(sb.isEmpty() ? "" : "; ").append("no classic BPF tc filter: loss cannot be emulated");
        }
        return sb.toString();
    }
}
