package io.acai.records.csv;

import java.nio.file.Path;

/**
 * A line of a run file that cannot be used, naming the file, the line (1 is the header) and, for a bad value,
 * the column and the value: {@code logs/edge1/edge_inf.csv:3: avg_inf_time : "fast" (not a number)}.
 */
public final class CsvValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String problem;

    /** @param line the line at fault, counted from 1 (the header) */
    public CsvValueException(Path file, long line, String problem) {
        super(FaultMessage.of(file, line, problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** A bad value: {@code column : "value" (problem)}. */
    static CsvValueException value(Path file, long line, String column, String value, String problem) {
        return new CsvValueException(file, line, column + " : \"" + value + "\" (" + problem + ")");
    }

    public Path file() {
        return file;
    }

    /** The line, counted from 1 (the header). */
    public long line() {
        return line;
    }

    /** What is wrong, without the file and line, for example {@code frames : "x" (not a number)}. */
    public String problem() {
        return problem;
    }
}
