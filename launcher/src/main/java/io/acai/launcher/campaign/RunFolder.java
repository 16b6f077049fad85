package io.acai.launcher.campaign;

import io.acai.launcher.run.RunDescription;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder {@code <campaign logs>/<run id>} of one run, and what an earlier attempt left there: a
 * {@code run.json} with {@code completedAt} is a completed run (skipped on a rerun, whatever its exit
 * code); anything else (no {@code run.json}, one without {@code completedAt}, an unreadable one) is a
 * partial run, moved aside to {@code <run id>.partial-<yyyyMMdd-HHmmss>} before the run is done again.
 */
final class RunFolder {

    static final String PARTIAL = ".partial-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    RunFolder(Path campaignLogs, String runId) {
        this.dir = campaignLogs.resolve(runId);
    }

    Path dir() {
        return dir;
    }

    /** The completed run's description, or empty when the run has still to be done. */
    Optional<RunDescription> completed() {
        if (!Files.isRegularFile(dir.resolve(RunDescription.FILE))) {
            return Optional.empty();
        }
        try {
            RunDescription description = RunDescription.read(dir);
            return description.isCompleted() ? Optional.of(description) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Makes the folder ready for a new attempt: moves a partial attempt aside (an empty folder is just
     * removed).
     *
     * @return where the partial attempt went, or null when there was none
     */
    Path prepare() throws IOException {
        Path moved = null;
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (empty) {
                Files.delete(dir);
            } else {
                String base = dir.getFileName() + PARTIAL + LocalDateTime.now().format(STAMP);
                moved = dir.resolveSibling(base);
                for (int i = 2; Files.exists(moved); i++) {
                    moved = dir.resolveSibling(base + "-" + i);
                }
                Files.move(dir, moved);
            }
        } else if (Files.exists(dir)) {
            throw new IOException(dir + " exists and is not a folder (expected: the folder of run " + dir.getFileName() + ")");
        }
        Files.createDirectories(dir);
        return moved;
    }
}
