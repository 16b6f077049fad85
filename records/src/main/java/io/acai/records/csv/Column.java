package io.acai.records.csv;

/**
 * One column of a run file: its header name, its unit, and whether a file without it can be used. A file
 * from an earlier run that lacks an optional column reads with that column's absent value (NaN or empty).
 */
public sealed interface Column permits NumberColumn, TextColumn {

    String name();

    Unit unit();

    /** Whether a file whose header lacks this column is unusable. */
    boolean required();
}
