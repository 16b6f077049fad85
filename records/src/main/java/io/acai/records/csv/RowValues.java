package io.acai.records.csv;

import java.nio.file.Path;
import org.apache.commons.csv.CSVRecord;

/** One data line of a run file, read by column: typed, checked values, with absent columns' defined values. */
public final class RowValues {

    private final CsvHeader header;
    private final CSVRecord record;
    private final Path file;
    private final long line;

    RowValues(CsvHeader header, CSVRecord record, Path file, long line) {
        this.header = header;
        this.record = record;
        this.file = file;
        this.line = line;
    }

    /** The column's number; NaN when blank or absent from the file. */
    public double get(NumberColumn column) {
        String cell = cell(column);
        try {
            return column.parse(cell);
        } catch (IllegalArgumentException e) {
            throw CsvValueException.value(file, line, column.name(), cell, e.getMessage());
        }
    }

    /** The column's text (spaces around an unquoted value are dropped); empty when absent from the file. */
    public String get(TextColumn column) {
        String cell = cell(column);
        try {
            return column.parse(cell);
        } catch (IllegalArgumentException e) {
            throw CsvValueException.value(file, line, column.name(), cell, e.getMessage());
        }
    }

    private String cell(Column column) {
        int index = header.index(column.name());
        return index < 0 ? "" : record.get(index);
    }
}
