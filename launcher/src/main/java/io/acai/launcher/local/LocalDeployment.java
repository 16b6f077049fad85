package io.acai.launcher.local;

import io.acai.launcher.plan.Deployment;
import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.MachineState;
import io.acai.launcher.plan.MachineUsage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An experiment running on this machine: one process per machine (inside its namespace and cgroups
 * in the namespace mode), or one per edge host whose members share it, the relays that give links their delay, and
 * the ledger of everything created on the host. {@link #close()} stops the processes, closes the relays and undoes the
 * ledger.
 *
 * <p>Consumption of an edge host's members is not measured apart: each member's row gets the host process's CPU and
 * resident memory divided evenly among its members (the members share one JVM, its heap, garbage collector and
 * OpenCV's thread pool, and the OS sees one process).
 */
public final class LocalDeployment implements Deployment {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDeployment.class);

    private final String runId;
    private final String mode;
    private final Map<String, MachinePlan> machines;
    private final Map<String, MachineProcess> processes;
    private final List<AutoCloseable> relays;
    private final TeardownLedger ledger;
    private final List<String> warnings;
    private final ProcessTreeSampler sampler = new ProcessTreeSampler();
    private final Thread shutdownHook = new Thread(this::close, "acai-local-teardown");
    private volatile boolean closed;

    LocalDeployment(String runId, String mode, List<MachinePlan> machines, Map<String, MachineProcess> processes,
            List<AutoCloseable> relays, TeardownLedger ledger, List<String> warnings) {
        this.runId = runId;
        this.mode = mode;
        this.machines = new LinkedHashMap<>();
        machines.forEach(m -> this.machines.put(m.name(), m));
        this.processes = new LinkedHashMap<>(processes);
        this.relays = List.copyOf(relays);
        this.ledger = ledger;
        this.warnings = List.copyOf(warnings);
        // a launcher stopped by SIGTERM or Ctrl-C still removes what it created (close() is idempotent)
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The id in the names of this run's namespaces, devices and cgroups. */
    public String runId() {
        return runId;
    }

    /** How the machines run: the namespace mode or the loopback mode, with what is emulated. */
    public String mode() {
        return mode;
    }

    /** What the deploy warned about: links more than 10% off their configuration, delays or loss not emulated, volumes not provided. */
    public List<String> warnings() {
        return warnings;
    }

    /** The exit code of a machine's process, empty while it runs. */
    @Override
    public OptionalInt exitCode(String machine) {
        MachineProcess process = processes.get(machine);
        return process == null ? OptionalInt.empty() : process.exitCode();
    }

    /** The last lines of a machine's {@code stdout.log}. */
    public String logTail(String machine, int lines) {
        MachineProcess process = processes.get(machine);
        return process == null ? "" : process.logTail(lines);
    }

    /** The pid of a machine's process. */
    public long pid(String machine) {
        MachineProcess process = processes.get(machine);
        if (process == null) {
            throw new IllegalArgumentException("no machine named " + machine);
        }
        return process.pid();
    }

    @Override
    public List<MachineUsage> sample() {
        if (closed) {
            return List.of();
        }
        List<Long> roots = distinctProcesses().stream().filter(MachineProcess::alive).map(MachineProcess::pid).toList();
        Map<Long, ProcessTreeSampler.TreeUsage> usage = sampler.sample(roots);
        Map<MachineProcess, Integer> sharing = new HashMap<>();
        processes.values().forEach(p -> sharing.merge(p, 1, Integer::sum));
        long now = System.currentTimeMillis();
        List<MachineUsage> rows = new ArrayList<>();
        for (Map.Entry<String, MachineProcess> entry : processes.entrySet()) {
            MachineProcess process = entry.getValue();
            ProcessTreeSampler.TreeUsage u = usage.get(process.pid());
            if (u != null && process.alive()) {
                MachinePlan plan = machines.get(entry.getKey());
                int members = sharing.get(process);
                rows.add(new MachineUsage(now, entry.getKey(), plan.role(), u.cpuCores() / members,
                        u.memoryMib() / members));
            }
        }
        return rows;
    }

    /** Each process once: an edge host's members share theirs. */
    private Collection<MachineProcess> distinctProcesses() {
        return new LinkedHashSet<>(processes.values());
    }

    /**
     * The machines write into {@code <logs>/<machine>/} themselves (it is their working directory);
     * this copies in the files their arguments name outside it, so everything ends up there.
     */
    @Override
    public void collect(Path logsDir) {
        for (Map.Entry<String, MachineProcess> entry : processes.entrySet()) {
            String machine = entry.getKey();
            MachineProcess process = entry.getValue();
            Path target = logsDir.resolve(machine);
            // an edge host's member takes its relative paths from its own folder (--work-dir), a lone machine from its
            // working directory
            Path base = process.machine().equals(machine) ? process.workDir() : target.toAbsolutePath();
            try {
                Files.createDirectories(target);
                for (String arg : machines.get(machine).args()) {
                    Path file = base.resolve(arg).normalize();
                    if (looksLikeOutput(arg) && Files.isRegularFile(file) && !file.startsWith(target.toAbsolutePath().normalize())
                            && !file.startsWith(target.normalize())) {
                        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                LOG.warn("cannot collect the files of {}: {}", machine, e.getMessage());
            }
        }
    }

    private static boolean looksLikeOutput(String arg) {
        return arg.endsWith(".csv") || arg.endsWith(".log") || arg.endsWith(".txt");
    }

    @Override
    public Map<String, MachineState> states() {
        Map<String, MachineState> states = new LinkedHashMap<>();
        for (String machine : machines.keySet()) {
            MachineProcess process = processes.get(machine);
            MachineState state;
            if (closed) {
                state = MachineState.STOPPED;
            } else if (process == null) {
                state = MachineState.STARTING;
            } else {
                state = process.alive() ? MachineState.RUNNING : MachineState.EXITED;
            }
            states.put(machine, state);
        }
        return states;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds the deployment closed
            }
        }
        MachineProcess.stopAll(distinctProcesses());
        for (AutoCloseable relay : relays) {
            try {
                relay.close();
            } catch (Exception e) {
                LOG.warn("cannot close a relay: {}", e.getMessage());
            }
        }
        ledger.undo();
    }
}
