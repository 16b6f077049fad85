package io.acai.records.csv;

import java.nio.file.Path;
import java.util.List;

/**
 * What a tolerant read of a run file gives: the rows that parse, the lines left out, and the schema's optional
 * columns the file lacks (they read with their absent values, as in a file from an earlier run).
 */
public record CsvRows<R>(Path file, List<R> rows, List<SkippedLine> skipped, List<String> absentColumns) {

    public CsvRows {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
        absentColumns = List.copyOf(absentColumns);
    }
}
