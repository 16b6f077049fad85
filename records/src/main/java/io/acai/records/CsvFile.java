package io.acai.records;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file with a fixed header row, written one flushed row at a time. An existing file is
 * replaced, so that every run's file starts with its header. Thread-safe.
 */
public final class CsvFile implements AutoCloseable {

    private final Path file;
    private final List<String> header;
    private final BufferedWriter out;

    private CsvFile(Path file, List<String> header, BufferedWriter out) {
        this.file = file;
        this.header = List.copyOf(header);
        this.out = out;
    }

    public static CsvFile create(Path file, List<String> header) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        CsvFile csv = new CsvFile(file, header, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        csv.writeLine(header);
        return csv;
    }

    /**
     * Writes one row; values are written with {@link String#valueOf}, unquoted. The files hold numbers
     * and plain words, and their readers (the report, the notebook) split on commas, so a value holding
     * a comma, a double quote or a line break is refused rather than quoted.
     *
     * @throws IllegalArgumentException for a wrong number of values or such a value, naming its column
     */
    public synchronized void row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException(file + ": row of " + values.length + " values (expected: "
                    + header.size() + ", " + header + ")");
        }
        List<String> cells = Arrays.stream(values).map(String::valueOf).toList();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(file + ": column " + header.get(i) + ": '" + cell
                        + "' (expected: no comma, double quote or line break)");
            }
        }
        writeLine(cells);
    }

    private synchronized void writeLine(List<String> cells) {
        try {
            out.write(String.join(",", cells));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": write failed", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
