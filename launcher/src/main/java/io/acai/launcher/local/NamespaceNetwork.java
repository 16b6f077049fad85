package io.acai.launcher.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The run's virtual network: one namespace per machine ({@code acai-<run>-<machine>}), each with a
 * veth pair whose outer end ({@code a<run>v<i>}) is a port of a bridge ({@code acai<run>}) in the
 * launcher's namespace. The bridge holds {@code .1} and one alias per machine, {@code .(130+i)}:
 * the address under which the user-space delay relay represents machine i to the others. Machine i
 * itself is {@code .(10+i)} on its {@code eth0}. Every device and namespace is written to the ledger
 * before it is created.
 */
final class NamespaceNetwork {

    static final int MAX_MACHINES = 110;
    static final String DEVICE = "eth0";

    /**
     * One machine's place in the network.
     *
     * @param namespace its network namespace
     * @param hostVeth the bridge-side end of its veth pair
     * @param address its address on {@code eth0}
     * @param alias the bridge address that stands for it behind the relay
     */
    record Host(String machine, String namespace, String hostVeth, String address, String alias) {
    }

    private final String bridge;
    private final PrivateSubnet subnet;
    private final Map<String, Host> hosts;

    private NamespaceNetwork(String bridge, PrivateSubnet subnet, Map<String, Host> hosts) {
        this.bridge = bridge;
        this.subnet = subnet;
        this.hosts = hosts;
    }

    static String namespaceName(String runId, String machine) {
        return "acai-" + runId + "-" + LocalVolumes.safeName(machine);
    }

    static NamespaceNetwork create(String runId, List<String> machines, TeardownLedger ledger) throws IOException {
        if (machines.size() > MAX_MACHINES) {
            throw new IOException("the local runtime supports at most " + MAX_MACHINES + " machines, not " + machines.size());
        }
        PrivateSubnet subnet = PrivateSubnet.pick(ThreadLocalRandom.current().nextInt(256));
        String bridge = "acai" + runId;
        ledger.record(TeardownLedger.Kind.LINK, bridge);
        HostCommand.run("ip", "link", "add", "name", bridge, "type", "bridge");
        HostCommand.run("ip", "addr", "add", subnet.cidr(1), "dev", bridge);
        HostCommand.run("ip", "link", "set", bridge, "up");
        Map<String, Host> hosts = new LinkedHashMap<>();
        for (int i = 0; i < machines.size(); i++) {
            String machine = machines.get(i);
            Host host = new Host(machine, namespaceName(runId, machine), "a" + runId + "v" + i, subnet.address(10 + i),
                    subnet.address(130 + i));
            ledger.record(TeardownLedger.Kind.NETNS, host.namespace());
            HostCommand.run("ip", "netns", "add", host.namespace());
            inside(host, "link", "set", "lo", "up");
            ledger.record(TeardownLedger.Kind.LINK, host.hostVeth());
            HostCommand.run("ip", "link", "add", host.hostVeth(), "type", "veth", "peer", "name", DEVICE, "netns",
                    host.namespace());
            // one packet per skb, so that rate and loss act on real packets rather than 64 KiB bursts
            HostCommand.succeeds("ip", "link", "set", host.hostVeth(), "gso_max_segs", "1");
            HostCommand.succeeds("ip", "-n", host.namespace(), "link", "set", DEVICE, "gso_max_segs", "1");
            HostCommand.run("ip", "link", "set", host.hostVeth(), "master", bridge);
            HostCommand.run("ip", "link", "set", host.hostVeth(), "up");
            inside(host, "addr", "add", subnet.cidr(10 + i), "dev", DEVICE);
            inside(host, "link", "set", DEVICE, "up");
            HostCommand.run("ip", "addr", "add", subnet.cidr(130 + i), "dev", bridge);
            hosts.put(machine, host);
        }
        return new NamespaceNetwork(bridge, subnet, hosts);
    }

    private static void inside(Host host, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", host.namespace()));
        command.addAll(List.of(args));
        HostCommand.run(command);
    }

    String bridge() {
        return bridge;
    }

    PrivateSubnet subnet() {
        return subnet;
    }

    Host host(String machine) {
        Host host = hosts.get(machine);
        if (host == null) {
            throw new IllegalArgumentException("no machine named " + machine + " in the network");
        }
        return host;
    }

    List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    /** The machine whose {@code eth0} address is {@code address}. */
    Optional<Host> byAddress(String address) {
        return hosts.values().stream().filter(h -> h.address().equals(address)).findFirst();
    }
}
