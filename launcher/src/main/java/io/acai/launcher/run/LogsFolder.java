package io.acai.launcher.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * Prepares the logs folder of a run. A folder left by an earlier run is moved aside to
 * {@code <logs>-<yyyyMMdd-HHmmss>} rather than mixed with the new run's CSVs or deleted.
 */
final class LogsFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LogsFolder() {
    }

    /**
     * Makes {@code logsDir} an empty folder.
     *
     * @return where an earlier run's files went, or null when there were none
     */
    static Path prepare(Path logsDir) throws IOException {
        if (Files.exists(logsDir) && !Files.isDirectory(logsDir)) {
            throw new IOException(logsDir + " exists and is not a folder (expected: a folder for the run's logs)");
        }
        Path moved = null;
        if (Files.isDirectory(logsDir) && !isEmpty(logsDir)) {
            Path absolute = logsDir.toAbsolutePath().normalize();
            String base = absolute.getFileName() + "-" + LocalDateTime.now().format(STAMP);
            moved = absolute.resolveSibling(base);
            for (int i = 2; Files.exists(moved); i++) {
                moved = absolute.resolveSibling(base + "-" + i);
            }
            Files.move(absolute, moved);
        }
        Files.createDirectories(logsDir);
        return moved;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
