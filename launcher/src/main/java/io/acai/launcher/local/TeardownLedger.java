package io.acai.launcher.local;

import io.acai.launcher.plan.DeployException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one run created on the host, written down <em>before</em> it is created, so that
 * {@link #undo()} removes exactly that and nothing else, in reverse order, even when a step in the
 * middle failed. The ledger lives in a file ({@code /run/acai/<run id>/ledger}, one {@code kind value}
 * per line) next to an {@code owner} marker holding the launcher's pid and start time: a later run
 * calls {@link #removeLeftovers(Path)} to undo the ledgers of launchers that died without cleaning up.
 * Objects named like ours but without a ledger are never touched.
 */
final class TeardownLedger {

    private static final Logger LOG = LoggerFactory.getLogger(TeardownLedger.class);
    /** Names this runtime gives: {@code acai-<run>-<machine>}, {@code acai-<run>}, {@code acai<run>}, {@code a<run>v<i>}. */
    static final Pattern OUR_NAME = Pattern.compile("acai-[0-9a-f]{6}(-[A-Za-z0-9_.-]+)?|acai[0-9a-f]{6}|a[0-9a-f]{6}v[0-9]+");

    /** Kinds of objects, each with its own way of removal. */
    enum Kind {
        /** A network namespace: processes inside it are killed, then the namespace is deleted. */
        NETNS,
        /** A network device of the launcher's namespace (bridge or veth). */
        LINK,
        /** A cgroup directory: its processes are killed, then the directory is removed. */
        CGROUP,
        /** A process, as {@code pid:startEpochMillis}. */
        PROCESS
    }

    record Entry(Kind kind, String value) {
        String line() {
            return kind.name().toLowerCase() + " " + value;
        }

        static Optional<Entry> parse(String line) {
            int space = line.indexOf(' ');
            if (space < 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(Kind.valueOf(line.substring(0, space).toUpperCase()),
                        line.substring(space + 1).strip()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private final Path dir;
    private final List<Entry> entries = new ArrayList<>();
    private boolean undone;

    private TeardownLedger(Path dir) {
        this.dir = dir;
    }

    /** The folder holding every run's ledger: {@code /run/acai} when writable, else under the temp directory. */
    static Path defaultRoot() {
        Path run = Path.of("/run");
        if (Files.isDirectory(run) && Files.isWritable(run)) {
            return run.resolve("acai");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "acai-ledgers");
    }

    /**
     * Starts a run: removes the ledgers of launchers that died without cleaning up, then opens this
     * run's ledger under {@link #defaultRoot()}.
     */
    static TeardownLedger startRun(String runId) throws DeployException {
        try {
            removeLeftovers(defaultRoot());
            return open(defaultRoot(), runId);
        } catch (IOException | RuntimeException e) {
            throw new DeployException("cannot start the run's teardown ledger: " + e.getMessage(), e);
        }
    }

    /** Opens a new ledger for a run and writes its owner marker. */
    static TeardownLedger open(Path root, String runId) throws IOException {
        Path dir = root.resolve(runId);
        Files.createDirectories(dir);
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(dir.resolve("owner"), self.pid() + " " + startMillis(self) + "\n");
        Files.writeString(dir.resolve("ledger"), "");
        return new TeardownLedger(dir);
    }

    /** Writes the entry down; call it before creating the object. */
    synchronized void record(Kind kind, String value) throws IOException {
        Entry entry = new Entry(kind, value);
        Files.writeString(dir.resolve("ledger"), entry.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
        entries.add(entry);
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Removes everything recorded, newest first; failures are logged and the rest still removed. Idempotent. */
    synchronized void undo() {
        if (undone) {
            return;
        }
        undone = true;
        List<Entry> reversed = new ArrayList<>(entries);
        Collections.reverse(reversed);
        reversed.forEach(TeardownLedger::remove);
        deleteDir(dir);
    }

    /**
     * Undoes the ledgers under {@code root} whose launcher is no longer running.
     *
     * @return how many dead runs were cleaned up
     */
    static int removeLeftovers(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int cleaned = 0;
        try (Stream<Path> runs = Files.list(root)) {
            for (Path run : runs.toList()) {
                if (!Files.isRegularFile(run.resolve("owner")) || ownerAlive(run.resolve("owner"))) {
                    continue;
                }
                List<Entry> list = new ArrayList<>();
                if (Files.isRegularFile(run.resolve("ledger"))) {
                    for (String line : Files.readAllLines(run.resolve("ledger"))) {
                        Entry.parse(line).ifPresent(list::add);
                    }
                }
                Collections.reverse(list);
                LOG.info("removing leftovers of an earlier run that did not clean up: {}", run);
                list.forEach(TeardownLedger::remove);
                deleteDir(run);
                cleaned++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run ledgers under " + root, e);
        }
        return cleaned;
    }

    private static boolean ownerAlive(Path owner) throws IOException {
        String[] parts = Files.readString(owner).strip().split(" ");
        if (parts.length != 2) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(parts[0]));
        // start times are compared loosely: each JVM derives them from clock ticks and its own boot-time reading
        return handle.isPresent() && handle.get().isAlive()
                && Math.abs(startMillis(handle.get()) - Long.parseLong(parts[1])) < 1000;
    }

    static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static void remove(Entry entry) {
        try {
            switch (entry.kind()) {
                case PROCESS -> removeProcess(entry.value());
                case CGROUP -> removeCgroup(Path.of(entry.value()));
                case LINK -> removeLink(entry.value());
                case NETNS -> removeNamespace(entry.value());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove {}: {}", entry.line(), e.getMessage());
        }
    }

    private static void removeProcess(String value) {
        String[] parts = value.split(":");
        ProcessHandle.of(Long.parseLong(parts[0]))
                .filter(h -> parts.length < 2 || Math.abs(startMillis(h) - Long.parseLong(parts[1])) < 1000)
                .ifPresent(TeardownLedger::stop);
    }

    /** SIGTERM, up to 5 s to exit, then SIGKILL. */
    static void stop(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void removeCgroup(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return;
        }
        if (!OUR_NAME.matcher(path.getFileName().toString()).matches()
                && !OUR_NAME.matcher(path.getParent().getFileName().toString()).matches()) {
            throw new IOException("refusing to remove a cgroup not named by this runtime: " + path);
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            Path procs = path.resolve("cgroup.procs");
            if (Files.exists(procs)) {
                for (String pid : Files.readAllLines(procs)) {
                    if (!pid.isBlank()) {
                        ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            }
            try {
                Files.delete(path);
                return;
            } catch (IOException busy) {
                sleep(100);
            }
        }
        throw new IOException("cgroup still busy after 5 s: " + path);
    }

    private static void removeLink(String name) throws IOException {
        requireOurs(name);
        if (HostCommand.succeeds("ip", "link", "show", "dev", name)) {
            HostCommand.run("ip", "link", "del", "dev", name);
        }
    }

    private static void removeNamespace(String name) throws IOException {
        requireOurs(name);
        if (!Files.exists(Path.of("/run/netns", name)) && !HostCommand.succeeds("ip", "netns", "pids", name)) {
            return;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            HostCommand.Result pids = HostCommand.attempt(List.of("ip", "netns", "pids", name));
            List<String> alive = pids.exitCode() == 0 ? pids.output().lines().filter(l -> !l.isBlank()).toList() : List.of();
            if (alive.isEmpty()) {
                break;
            }
            boolean gently = attempt < 20;
            for (String pid : alive) {
                ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(h -> {
                    if (gently) {
                        h.destroy();
                    } else {
                        h.destroyForcibly();
                    }
                });
            }
            sleep(100);
        }
        HostCommand.run("ip", "netns", "del", name);
    }

    private static void requireOurs(String name) throws IOException {
        if (!OUR_NAME.matcher(name).matches()) {
            throw new IOException("refusing to remove an object not named by this runtime: " + name);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteDir(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("could not remove ledger {}: {}", dir, e.getMessage());
        }
    }
}
