package io.acai.records.csv;

import java.io.IOException;
import java.nio.file.Path;

/** A run file that cannot be used at all: empty, or its header lacks a required column. */
public final class CsvHeaderException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public CsvHeaderException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, for example {@code 1: header lacks column(s) [end_time]}. */
    public String problem() {
        return problem;
    }
}
