package io.acai.launcher.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The run's virtual network: one namespace per host ({@link HostPlan}: a machine, or an edge host's members;
 * {@code acai-<run>-<host>}), each with a veth pair whose outer end ({@code a<run>v<j>}) is a port of a bridge
 * ({@code acai<run>}) in the launcher's namespace. The bridge holds {@code .1} and one alias per machine,
 * {@code .(130+i)}: the address under which the user-space delay relay represents machine i to the others. Machine i
 * itself is {@code .(10+i)} on its namespace's {@code eth0}, so the members of an edge host share an {@code eth0} but
 * each has its own address (which it binds, {@code --bind}). Every device and namespace is written to the ledger
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

    /** One namespace per host: an edge host's holds one address per member on its {@code eth0}. */
    static NamespaceNetwork create(String runId, List<HostPlan> hosts, TeardownLedger ledger) throws IOException {
        NamespaceNetwork network = layout(runId, hosts,
                PrivateSubnet.pick(ThreadLocalRandom.current().nextInt(256)));
        network.build(ledger);
        return network;
    }

    /**
     * Who gets which namespace, device and addresses, without creating anything: machine i (in the hosts' order)
     * is {@code .(10+i)} on its namespace's {@code eth0} and {@code .(130+i)} on the bridge; host j's veth is
     * {@code a<run>v<j>}.
     */
    static NamespaceNetwork layout(String runId, List<HostPlan> hosts, PrivateSubnet subnet) throws IOException {
        int machines = hosts.stream().mapToInt(h -> h.members().size()).sum();
        if (machines > MAX_MACHINES) {
            throw new IOException("the local runtime supports at most " + MAX_MACHINES + " machines, not " + machines);
        }
        Map<String, Host> placed = new LinkedHashMap<>();
        int i = 0;
        for (int j = 0; j < hosts.size(); j++) {
            HostPlan host = hosts.get(j);
            for (String machine : host.memberNames()) {
                placed.put(machine, new Host(machine, namespaceName(runId, host.name()), "a" + runId + "v" + j,
                        subnet.address(10 + i), subnet.address(130 + i)));
                i++;
            }
        }
        return new NamespaceNetwork("acai" + runId, subnet, placed);
    }

    /** Creates the bridge, the namespaces, their veth pairs and every address, each recorded in the ledger first. */
    private void build(TeardownLedger ledger) throws IOException {
        ledger.record(TeardownLedger.Kind.LINK, bridge);
        HostCommand.run("ip", "link", "add", "name", bridge, "type", "bridge");
        HostCommand.run("ip", "addr", "add", subnet.cidr(1), "dev", bridge);
        HostCommand.run("ip", "link", "set", bridge, "up");
        Set<String> namespaces = new HashSet<>();
        for (Host host : hosts.values()) {
            if (namespaces.add(host.namespace())) {
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
                inside(host, "link", "set", DEVICE, "up");
            }
            // the first address of a namespace is eth0's primary one, the others (an edge host's members) secondary
            inside(host, "addr", "add", host.address() + "/24", "dev", DEVICE);
            HostCommand.run("ip", "addr", "add", host.alias() + "/24", "dev", bridge);
        }
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
