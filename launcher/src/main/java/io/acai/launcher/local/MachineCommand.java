package io.acai.launcher.local;

import io.acai.launcher.plan.MachinePlan;
import io.acai.launcher.plan.Resources;
import io.acai.launcher.plan.Role;
import io.acai.options.LauncherWatch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of one machine. The project's apps start as
 * {@code java [-Xmx<half the memory limit>] [-XX:ActiveProcessorCount=<cpu limit>] [edge: -XX:TieredStopAtLevel=1]
 * -Dacai.launcher.pid=<this pid> -jar <app jar> <args>} (the app ends when this launcher does, however it ends:
 * {@link LauncherWatch}); half, because OpenCV and PyTorch allocate most of their memory outside the Java heap and the
 * cgroup limit counts both. An edge's JVM compiles with C1 only ({@link #EDGE_JVM_OPTIONS}). A user-given command
 * runs as given. {@code {}} stands for the cloud's address in both.
 */
final class MachineCommand {

    static final long MIN_HEAP_MIB = 64;

    /**
     * What an edge's JVM gets besides {@link #jvmOptions}: C1 only. An edge spends its time in OpenCV's native code;
     * C2 compiling the Java around it cost a 250m edge 2-3 s more to its first frame and more than twice the CPU per
     * frame over its first 30 s (docs/benchmarks.md, "Scale on one host", {@code EdgeFootprintBenchmark}).
     */
    static final List<String> EDGE_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    private MachineCommand() {
    }

    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The JVM options that make a JVM see the machine's limits. */
    static List<String> jvmOptions(Resources resources) {
        List<String> options = new ArrayList<>();
        if (resources.memoryLimitBytes() > 0) {
            long mib = Math.max(MIN_HEAP_MIB, resources.memoryLimitBytes() / 2 / (1024 * 1024));
            options.add("-Xmx" + mib + "m");
        }
        if (resources.processors() > 0) {
            options.add("-XX:ActiveProcessorCount=" + resources.processors());
        }
        return options;
    }

    /**
     * An edge host's command line: {@code java [-Xmx<half the summed memory limits>]
     * [-XX:ActiveProcessorCount=<summed CPU limits>] -XX:TieredStopAtLevel=1 -Dacai.launcher.pid=<this pid> -jar
     * <edge jar> host <host file>}.
     */
    static List<String> edgeHost(HostPlan host, AppJars jars, Path hostFile) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.addAll(jvmOptions(host.resources()));
        command.addAll(EDGE_JVM_OPTIONS);
        command.add(LauncherWatch.jvmOptionForThisProcess());
        command.addAll(List.of("-jar", jars.edgeJar().toString(), "host", hostFile.toString()));
        return command;
    }

    /**
     * @param args the machine's arguments, already with the cloud's address (and any rewritten port)
     * @param cloudAddress what {@code {}} in a user-given command stands for
     */
    static List<String> of(MachinePlan machine, AppJars jars, List<String> args, String cloudAddress) {
        List<String> command = new ArrayList<>();
        if (machine.runsProjectApp()) {
            command.add(javaBinary().toString());
            command.addAll(jvmOptions(machine.resources()));
            if (machine.role() == Role.EDGE) {
                command.addAll(EDGE_JVM_OPTIONS);
            }
            command.add(LauncherWatch.jvmOptionForThisProcess());
            command.add("-jar");
            command.add((machine.role() == Role.CLOUD ? jars.cloudJar() : jars.edgeJar()).toString());
        } else {
            machine.command().forEach(part -> command.add(part.replace(MachinePlan.CLOUD_ADDRESS, cloudAddress)));
        }
        command.addAll(args);
        return command;
    }
}
