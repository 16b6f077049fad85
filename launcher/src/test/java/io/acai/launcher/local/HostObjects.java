package io.acai.launcher.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The host objects a run may create, listed so that a test can compare before and after: network
 * namespaces, devices, cgroups and ledgers named like this runtime's. Objects of runs owned by
 * another process (a launcher running at the same time, whose ledger names a different owner) are
 * left out, so that a concurrent run does not look like a leak; objects whose run has no ledger any
 * more (leaked ones) are kept.
 */
final class HostObjects {

    private HostObjects() {
    }

    /** Skips the test unless namespaces work here (root on Linux). */
    static HostCapabilities requireNamespaces() {
        HostCapabilities host = HostCapabilities.probe();
        assumeTrue(host.namespaces(), "needs root on Linux with working ip netns: " + host.why());
        return host;
    }

    static TreeSet<String> snapshot() throws IOException {
        java.util.Set<String> foreign = foreignRuns();
        TreeSet<String> objects = new TreeSet<>();
        for (String object : allObjects()) {
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("acai-?([0-9a-f]{6})|/([0-9a-f]{6})$| a([0-9a-f]{6})v")
                    .matcher(object);
            String run = null;
            if (id.find()) {
                run = id.group(1) != null ? id.group(1) : id.group(2) != null ? id.group(2) : id.group(3);
            }
            if (run == null || !foreign.contains(run)) {
                objects.add(object);
            }
        }
        return objects;
    }

    /** Run ids whose ledger names an owner other than this JVM. */
    private static java.util.Set<String> foreignRuns() throws IOException {
        java.util.Set<String> foreign = new java.util.HashSet<>();
        Path ledgers = TeardownLedger.defaultRoot();
        if (!Files.isDirectory(ledgers)) {
            return foreign;
        }
        String self = Long.toString(ProcessHandle.current().pid());
        try (Stream<Path> runs = Files.list(ledgers)) {
            for (Path run : runs.toList()) {
                Path owner = run.resolve("owner");
                try {
                    if (Files.isRegularFile(owner) && !Files.readString(owner).startsWith(self + " ")) {
                        foreign.add(run.getFileName().toString());
                    }
                } catch (IOException vanished) {
                    // the run ended while listing
                }
            }
        }
        return foreign;
    }

    private static TreeSet<String> allObjects() throws IOException {
        TreeSet<String> objects = new TreeSet<>();
        for (String line : HostCommand.run("ip", "netns", "list").lines().toList()) {
            String name = line.split(" ")[0];
            if (TeardownLedger.OUR_NAME.matcher(name).matches()) {
                objects.add("netns " + name);
            }
        }
        for (String line : HostCommand.run("ip", "-o", "link", "show").lines().toList()) {
            String name = line.split(": ")[1].split("@")[0];
            if (TeardownLedger.OUR_NAME.matcher(name).matches()) {
                objects.add("link " + name);
            }
        }
        for (Path base : List.of(Path.of("/sys/fs/cgroup/cpu"), Path.of("/sys/fs/cgroup/memory"), Path.of("/sys/fs/cgroup"))) {
            objects.addAll(cgroups(base));
        }
        Path ledgers = TeardownLedger.defaultRoot();
        if (Files.isDirectory(ledgers)) {
            try (Stream<Path> runs = Files.list(ledgers)) {
                runs.forEach(run -> objects.add("ledger " + run));
            }
        }
        return objects;
    }

    private static List<String> cgroups(Path base) throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(base)) {
            return found;
        }
        try (Stream<Path> dirs = Files.walk(base, 4)) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName() != null && d.getFileName().toString().matches("acai-[0-9a-f]{6}"))
                    .forEach(d -> found.add("cgroup " + d));
        } catch (java.io.UncheckedIOException e) {
            // a cgroup vanished while walking
        }
        return found;
    }
}
