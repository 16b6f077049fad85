package io.acai.dataset;

import java.nio.file.Path;

/**
 * A file, or one line of it, that a dataset left out, and why.
 *
 * @param file the file
 * @param line the 1-based line, or 0 when the whole file was left out or the format has no lines
 * @param reason what was wrong, naming the value
 */
public record SkippedFile(Path file, int line, String reason) {

    public SkippedFile {
        if (line < 0) {
            throw new IllegalArgumentException("line: " + line + " (expected: >= 0)");
        }
    }

    /** The whole file left out. */
    public static SkippedFile whole(Path file, String reason) {
        return new SkippedFile(file, 0, reason);
    }

    /** {@code file:line: reason}, or {@code file: reason} when there is no line. */
    @Override
    public String toString() {
        return line == 0 ? file + ": " + reason : file + ":" + line + ": " + reason;
    }
}
