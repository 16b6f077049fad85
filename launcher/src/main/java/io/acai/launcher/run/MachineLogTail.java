package io.acai.launcher.run;

import io.acai.launcher.plan.AppFiles;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last lines of a machine's log in {@code <logs>/<machine>/}: its console output as the runtime
 * captured it ({@code stdout.log} locally, {@code container.log} on Kubernetes), or else the app's
 * own log file. Only the end of the file is read (at most {@link #MAX_BYTES}), and Java stack frames
 * ({@code at ...}, {@code ... 13 more}) are left out so that the exception messages fit in the tail.
 */
public final class MachineLogTail {

    static final List<String> CANDIDATES = List.of("stdout.log", "container.log", AppFiles.CLOUD_LOG,
            AppFiles.EDGE_INFERENCE_LOG);
    static final int MAX_BYTES = 64 * 1024;
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at \\S+\\(.*\\)|\\.\\.\\. \\d+ more)\\s*");

    private MachineLogTail() {
    }

    /** The log that was read and its last {@code lines} lines, or empty when the machine has no log yet. */
    public static Optional<Tail> read(Path machineDir, int lines) {
        for (String name : CANDIDATES) {
            Path file = machineDir.resolve(name);
            if (Files.isRegularFile(file)) {
                return Optional.of(new Tail(file, lastLines(file, lines)));
            }
        }
        return Optional.empty();
    }

    static List<String> lastLines(Path file, int count) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            if (start > 0 && !all.isEmpty()) {
                all = all.subList(1, all.size());
            }
            all = all.stream().filter(line -> !STACK_FRAME.matcher(line).matches()).toList();
            return List.copyOf(all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** Last lines of {@code file}. */
    public record Tail(Path file, List<String> lines) {
        public Tail {
            lines = List.copyOf(lines);
        }
    }
}
