package io.acai.records.csv;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run file that cannot be used at all: empty, or its header lacks a required column
 * ({@code logs/edge1/edge_inf.csv:1: header lacks column(s) [end_time], file not used}).
 */
public final class CsvHeaderException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String problem;

    /** @param line the line at fault, from 1, or 0 for the whole file */
    public CsvHeaderException(Path file, long line, String problem) {
        super(FaultMessage.of(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** The line at fault, from 1, or 0 when the whole file is (it is empty). */
    public long line() {
        return line;
    }

    /** What is wrong, without file and line, for example {@code header lacks column(s) [end_time], file not used}. */
    public String problem() {
        return problem;
    }
}
