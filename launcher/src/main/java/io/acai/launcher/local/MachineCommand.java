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
 * {@code java [-Xmx<half the memory limit>] [-XX:ActiveProcessorCount=<cpu limit>] -Dacai.launcher.pid=<this pid>
 * -jar <app jar> <args>} (the app ends when this launcher does, however it ends: {@link LauncherWatch});
 * half, because OpenCV and PyTorch allocate most of their memory outside the Java heap and the
 * cgroup limit counts both. A user-given command runs as given. {@code {}} stands for the cloud's
 * address in both.
 */
final class MachineCommand {

    static final long MIN_HEAP_MIB = 64;

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
     * @param args the machine's arguments, already with the cloud's address (and any rewritten port)
     * @param cloudAddress what {@code {}} in a user-given command stands for
     */
    static List<String> of(MachinePlan machine, AppJars jars, List<String> args, String cloudAddress) {
        List<String> command = new ArrayList<>();
        if (machine.runsProjectApp()) {
            command.add(javaBinary().toString());
            command.addAll(jvmOptions(machine.resources()));
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
