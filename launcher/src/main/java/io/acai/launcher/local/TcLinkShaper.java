package io.acai.launcher.local;

import io.acai.launcher.plan.LinkPlan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kernel shaping of the namespace mode. For a direction {@code from -> to} with index k:
 * <ul>
 * <li>rate (and, when the kernel has it, netem delay and jitter): an htb class {@code 1:k} on the
 * sender's {@code eth0}, chosen by u32 filters on the sender's address and the receiver's address or relay alias, with a
 * netem child when delay is emulated in the kernel. Unclassified traffic bypasses htb (default 0).</li>
 * <li>loss: on the receiver's bridge port (traffic leaves the bridge towards the receiver there, so a
 * drop is a drop in the network, not a local send error the sender would simply retry), a class
 * {@code 1:k} chosen by u32 filters on the sender's address or alias and the receiver's address, whose two children are a pass
 * class and a drop class ({@code pfifo limit 0}); a classic BPF filter ({@link LossFilter}) picks the
 * drop class with the configured probability. Without that filter, netem's {@code loss} on the sender
 * is used when present.</li>
 * </ul>
 * Both ends are matched so that the members of an edge host ({@link HostPlan}), which share a namespace, an
 * {@code eth0} and a bridge port but not their addresses, each get their own classes.
 */
final class TcLinkShaper {

    private static final String UNLIMITED = "10gbit";
    private static final int PASS_BASE = 0x1000;
    private static final int DROP_BASE = 0x2000;

    private final NamespaceNetwork network;
    private final HostCapabilities host;
    private final Set<String> rootsAdded = new HashSet<>();

    TcLinkShaper(NamespaceNetwork network, HostCapabilities host) {
        this.network = network;
        this.host = host;
    }

    private final List<List<String>> commands = new ArrayList<>();

    /** Shapes every link; the devices carrying the qdiscs are the run's own and go with them at teardown. */
    void shape(List<LinkPlan> links) throws IOException {
        for (List<String> command : commands(links)) {
            HostCommand.run(command);
        }
    }

    /** The {@code tc} command lines that shape {@code links}, in order, without running them. */
    List<List<String>> commands(List<LinkPlan> links) {
        commands.clear();
        rootsAdded.clear();
        for (int i = 0; i < links.size(); i++) {
            shape(links.get(i), i + 1);
        }
        return List.copyOf(commands);
    }

    private void shape(LinkPlan link, int k) {
        NamespaceNetwork.Host from = network.host(link.from());
        NamespaceNetwork.Host to = network.host(link.to());
        boolean kernelDelay = host.netem() && (!link.delay().isZero() || !link.jitter().isZero());
        boolean lossByFilter = link.lossPercent() > 0 && host.dropFilter();
        boolean lossByNetem = link.lossPercent() > 0 && !host.dropFilter() && host.netem();
        if (link.limitsRate() || kernelDelay || lossByNetem) {
            List<String> tc = List.of("tc", "-n", from.namespace());
            String dev = NamespaceNetwork.DEVICE;
            root(tc, from.namespace() + "/" + dev, dev);
            String rate = link.limitsRate() ? link.rateBitsPerSecond() + "bit" : UNLIMITED;
            String burst = burstBytes(link) + "b";
            run(tc, "class", "add", "dev", dev, "parent", "1:", "classid", classId(k), "htb", "rate", rate, "ceil", rate,
                    "burst", burst, "cburst", burst, "quantum", "1514");
            if (kernelDelay || lossByNetem) {
                List<String> netem = new ArrayList<>(List.of("qdisc", "add", "dev", dev, "parent", classId(k), "handle",
                        Integer.toHexString(0x100 + k) + ":", "netem"));
                if (kernelDelay) {
                    netem.addAll(List.of("delay", link.delay().toNanos() / 1000 + "us"));
                    if (!link.jitter().isZero()) {
                        netem.add(link.jitter().toNanos() / 1000 + "us");
                    }
                }
                if (lossByNetem) {
                    netem.addAll(List.of("loss", link.lossPercent() + "%"));
                }
                netem.addAll(List.of("limit", "10000"));
                run(tc, netem.toArray(String[]::new));
            }
            // the sender's own address too: the members of an edge host share an eth0, each with its own address
            for (String address : List.of(to.address(), to.alias())) {
                run(tc, "filter", "add", "dev", dev, "parent", "1:", "protocol", "ip", "prio", "1", "u32", "match", "ip",
                        "src", from.address() + "/32", "match", "ip", "dst", address + "/32", "flowid", classId(k));
            }
        }
        if (lossByFilter) {
            List<String> tc = List.of("tc");
            String dev = to.hostVeth();
            root(tc, dev, dev);
            run(tc, "class", "add", "dev", dev, "parent", "1:", "classid", classId(k), "htb", "rate", UNLIMITED, "quantum",
                    "1514");
            run(tc, "class", "add", "dev", dev, "parent", classId(k), "classid", classId(PASS_BASE + k), "htb", "rate",
                    UNLIMITED, "quantum", "1514");
            run(tc, "class", "add", "dev", dev, "parent", classId(k), "classid", classId(DROP_BASE + k), "htb", "rate",
                    UNLIMITED, "quantum", "1514");
            run(tc, "qdisc", "add", "dev", dev, "parent", classId(DROP_BASE + k), "handle",
                    Integer.toHexString(DROP_BASE + k) + ":", "pfifo", "limit", "0");
            // the receiver's own address too: the members of an edge host share a bridge port
            for (String address : List.of(from.address(), from.alias())) {
                run(tc, "filter", "add", "dev", dev, "parent", "1:", "protocol", "ip", "prio", "1", "u32", "match", "ip",
                        "src", address + "/32", "match", "ip", "dst", to.address() + "/32", "flowid", classId(k));
            }
            run(tc, "filter", "add", "dev", dev, "parent", classId(k), "protocol", "ip", "prio", "1", "bpf", "bytecode",
                    LossFilter.bytecode(link.lossPercent(), 0x10000 | (PASS_BASE + k), 0x10000 | (DROP_BASE + k)));
        }
    }

    /**
     * One millisecond at the link's rate, at least two full frames: tc's default (rate / timer
     * frequency) is a single frame on a high-resolution kernel, which loses rate at 100 Mbit/s
     * whenever the dequeue timer fires late on a busy host.
     */
    static long burstBytes(LinkPlan link) {
        long oneMillisecond = link.limitsRate() ? link.rateBitsPerSecond() / 8 / 1000 : 1_250_000;
        return Math.max(2 * 1514, oneMillisecond);
    }

    private void root(List<String> tc, String key, String dev) {
        if (rootsAdded.add(key)) {
            run(tc, "qdisc", "add", "dev", dev, "root", "handle", "1:", "htb", "default", "0");
        }
    }

    private static String classId(int minor) {
        return "1:" + Integer.toHexString(minor);
    }

    private void run(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(args));
        commands.add(List.copyOf(command));
    }
}
