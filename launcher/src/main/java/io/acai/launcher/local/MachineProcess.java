package io.acai.launcher.local;

import io.acai.options.AllocatorEnvironment;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One machine's program, started in its log folder with standard output and error going to
 * {@code stdout.log} there. When the machine has cgroups, a shell joins them first and then
 * {@code exec}s the program, so the program and all its children start inside the limits (and the
 * pid seen here is the program's own). The program's environment is {@link MachineEnvironment}'s: the launcher's,
 * {@link AllocatorEnvironment}'s variables where the launcher's environment does not set them, and the app's token;
 * plus {@value #MACHINE_VARIABLE} holding the machine's name, as a Kubernetes pod has it (an edge started without an
 * edge id takes it from there).
 */
final class MachineProcess {

    static final String LOG = "stdout.log";
    /** The machine's name in its program's environment. */
    static final String MACHINE_VARIABLE = "ACAI_MACHINE";

    private final String machine;
    private final Process process;
    private final Path workDir;

    private MachineProcess(String machine, Process process, Path workDir) {
        this.machine = machine;
        this.process = process;
        this.workDir = workDir;
    }

    /**
     * @param command the program and its arguments (already wrapped in {@code ip netns exec} when needed)
     * @param cgroupProcs the {@code cgroup.procs} files to join before the program starts
     * @param token the app's token, passed in its environment ({@link MachineEnvironment}); null for none
     */
    static MachineProcess start(String machine, List<String> command, Path workDir, List<Path> cgroupProcs,
            TeardownLedger ledger, String token) throws IOException {
        return start(machine, command, workDir, cgroupProcs, ledger, System.getenv(), token);
    }

    /** As {@link #start(String, List, Path, List, TeardownLedger, String)} with no token, the launcher's environment being {@code inherited}. */
    static MachineProcess start(String machine, List<String> command, Path workDir, List<Path> cgroupProcs,
            TeardownLedger ledger, Map<String, String> inherited) throws IOException {
        return start(machine, command, workDir, cgroupProcs, ledger, inherited, null);
    }

    /** As {@link #start(String, List, Path, List, TeardownLedger, String)}, the launcher's environment being {@code inherited}. */
    static MachineProcess start(String machine, List<String> command, Path workDir, List<Path> cgroupProcs,
            TeardownLedger ledger, Map<String, String> inherited, String token) throws IOException {
        Files.createDirectories(workDir);
        List<String> full = new ArrayList<>();
        if (!cgroupProcs.isEmpty()) {
            StringBuilder script = new StringBuilder();
            for (Path procs : cgroupProcs) {
                script.append("echo $$ > '").append(procs.toString().replace("'", "'\\''")).append("' && ");
            }
            script.append("exec \"$0\" \"$@\"");
            full.addAll(List.of("sh", "-c", script.toString()));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full);
        builder.environment().clear();
        builder.environment().putAll(MachineEnvironment.of(inherited, token));
        builder.environment().put(MACHINE_VARIABLE, machine);
        Process process = builder
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(LOG).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        ledger.record(TeardownLedger.Kind.PROCESS, process.pid() + ":" + TeardownLedger.startMillis(process.toHandle()));
        return new MachineProcess(machine, process, workDir);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    String machine() {
        return machine;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    Path workDir() {
        return workDir;
    }

    /** The last {@code lines} lines of the machine's {@code stdout.log}. */
    String logTail(int lines) {
        return tail(workDir.resolve(LOG), lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, 64 * 1024L);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to every process, up to 5 s for all of them to exit, then SIGKILL to what is left and its children. */
    static void stopAll(java.util.Collection<MachineProcess> processes) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (MachineProcess p : processes) {
            handles.addAll(p.process.descendants().toList());
            handles.add(p.process.toHandle());
            p.process.destroy();
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        for (MachineProcess p : processes) {
            try {
                p.process.waitFor(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
