package io.acai.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables that keep glibc's allocator from handing memory back to the kernel after
 * every step: the one definition the launcher (local processes, Kubernetes containers) and the
 * apps use; {@code images/Containerfile} repeats the values in its {@code ENV}, and a test holds the
 * two equal.
 *
 * <p>Eager PyTorch frees and allocates its large activation and gradient buffers at every training
 * step. With glibc's defaults each buffer above the dynamic mmap threshold is a fresh {@code mmap},
 * and each free is a {@code munmap} or a trim of the heap, so every step pays its page faults again
 * (on the 256x256 default model, batch 8, 2 threads, the trainer faults 93-96% less with these settings and
 * trains at 30.7-37.7 images/s against 7.9-11.3 without, and 12.3-20.6 with the first three alone; docs/benchmarks.md,
 * "Allocator settings"). glibc reads these variables once, when
 * a process starts, so they must be in the environment the JVM is started with:
 * <ul>
 *   <li>{@code MALLOC_MMAP_THRESHOLD_=33554432}: blocks under 32 MiB come from the heap, not from
 *       their own mapping (and the threshold stops adapting);</li>
 *   <li>{@code MALLOC_MMAP_MAX_=0}: no block gets a mapping of its own, not even one of 32 MiB or more, the
 *       largest threshold glibc accepts. The default model's first activations at 256x256 and batch 8 are
 *       exactly 32 MiB (8 x 16 x 256 x 256 floats), so without it every step mapped, faulted in and unmapped
 *       them again;</li>
 *   <li>{@code MALLOC_TRIM_THRESHOLD_=1073741824}: free memory at the top of the heap is given back
 *       only above 1 GiB;</li>
 *   <li>{@code MALLOC_TOP_PAD_=268435456}: the heap grows by 256 MiB more than asked (address space;
 *       pages count as memory only once touched).</li>
 * </ul>
 * A value set by the user in the environment wins over these defaults.
 */
public final class AllocatorEnvironment {

    /** The variables and their default values, in this order. */
    public static final Map<String, String> DEFAULTS = defaults();

    private AllocatorEnvironment() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("MALLOC_MMAP_THRESHOLD_", "33554432");
        values.put("MALLOC_MMAP_MAX_", "0");
        values.put("MALLOC_TRIM_THRESHOLD_", "1073741824");
        values.put("MALLOC_TOP_PAD_", "268435456");
        return java.util.Collections.unmodifiableMap(values);
    }

    /**
     * The variables a child of a process with environment {@code inherited} should get: each one's
     * value in {@code inherited} where set (the user's choice), its default otherwise.
     */
    public static Map<String, String> forChild(Map<String, String> inherited) {
        Map<String, String> values = new LinkedHashMap<>();
        DEFAULTS.forEach((name, value) -> values.put(name, inherited.getOrDefault(name, value)));
        return values;
    }

    /** Adds every variable that {@code environment} (a {@link ProcessBuilder#environment()}) lacks, with its default. */
    public static void addMissing(Map<String, String> environment) {
        DEFAULTS.forEach(environment::putIfAbsent);
    }

    /** The variables {@code environment} does not set, in {@link #DEFAULTS} order. */
    public static List<String> missing(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        DEFAULTS.keySet().stream().filter(name -> !environment.containsKey(name)).forEach(missing::add);
        return missing;
    }

    /** {@code NAME=value} for every default, space-separated: what to put before {@code java -jar} in a shell. */
    public static String shellAssignments() {
        List<String> parts = new ArrayList<>();
        DEFAULTS.forEach((name, value) -> parts.add(name + "=" + value));
        return String.join(" ", parts);
    }

    /**
     * One line for a process started without the variables (by hand, {@code java -jar}) that says so and
     * how to set them; empty when every variable is set or the system is not Linux (glibc).
     *
     * @param environment the process's environment ({@link System#getenv()})
     * @param osName the {@code os.name} system property
     * @param command how the process was started, for the example (e.g. {@code java -jar cloud-app.jar ...})
     */
    public static Optional<String> notice(Map<String, String> environment, String osName, String command) {
        List<String> missing = missing(environment);
        if (missing.isEmpty() || !osName.startsWith("Linux")) {
            return Optional.empty();
        }
        return Optional.of("glibc's allocator runs with its defaults (" + String.join(", ", missing)
                + " unset), so PyTorch maps and unmaps its buffers at every training step, up to 4x slower here;"
                + " start with: " + shellAssignments() + " " + command
                + " (the launcher and the project's images set them)");
    }
}
