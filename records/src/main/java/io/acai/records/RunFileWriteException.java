package io.acai.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A write to a run file (a run log, a CSV) failed: the disk is full, the file was replaced by a folder, the
 * device went away. An app cannot go on without its files, so it ends on this (exit code 5 for the cloud and
 * the edge), where an ordinary failure of one request would only be logged.
 */
public final class RunFileWriteException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public RunFileWriteException(Path file, IOException cause) {
        super(file + ": write failed: " + cause, cause);
        this.file = file;
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }
}
