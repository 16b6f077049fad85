package io.acai.records.csv;

import io.acai.records.CsvFile;
import java.io.IOException;

/** Writes typed rows of one run file, each flushed as written. Thread-safe. */
public final class CsvRowWriter<R> implements AutoCloseable {

    private final CsvSchema<R> schema;
    private final CsvFile file;

    CsvRowWriter(CsvSchema<R> schema, CsvFile file) {
        this.schema = schema;
        this.file = file;
    }

    public void write(R row) {
        file.row(schema.cells(row));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
