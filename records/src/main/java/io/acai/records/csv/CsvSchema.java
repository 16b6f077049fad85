package io.acai.records.csv;

import io.acai.records.CsvFile;
import io.acai.records.WriteFailureListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One run file's format: its file name, its columns in the order they are written (names and units), how a row
 * gives its cells and how a read line gives a row. A new file is one row record with a schema:
 *
 * <pre>{@code
 * public record LinkRow(String from, String to, double configuredMbps, ...) {
 *     public static final TextColumn FROM = TextColumn.text("from").asRequired();
 *     public static final NumberColumn CONFIGURED_MBPS = NumberColumn.decimal("configured_mbps", Unit.MBIT_PER_S, 3);
 *     public static final CsvSchema<LinkRow> SCHEMA = CsvSchema.<LinkRow>file("links.csv")
 *             .text(FROM, LinkRow::from).number(CONFIGURED_MBPS, LinkRow::configuredMbps) ...
 *             .reading(v -> new LinkRow(v.get(FROM), ..., v.get(CONFIGURED_MBPS), ...));
 * }
 * }</pre>
 *
 * Writing goes through {@link #create} or {@link #append}, reading through {@link #read} (tolerant: bad lines are
 * skipped and listed), {@link #readAll} (strict) or {@link #tail} (a file still being written).
 *
 * @param <R> the row type
 */
public final class CsvSchema<R> {

    private final String fileName;
    private final List<Column> columns;
    private final List<Function<R, String>> cells;
    private final Function<RowValues, R> reader;

    private CsvSchema(String fileName, List<Column> columns, List<Function<R, String>> cells,
                      Function<RowValues, R> reader) {
        this.fileName = fileName;
        this.columns = List.copyOf(columns);
        this.cells = List.copyOf(cells);
        this.reader = reader;
    }

    /** Starts the schema of the file named {@code fileName}, for example {@code edge_inf.csv}. */
    public static <R> Builder<R> file(String fileName) {
        return new Builder<>(fileName);
    }

    /** The file's name, for example {@code edge_inf.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The file in {@code folder}. */
    public Path in(Path folder) {
        return folder.resolve(fileName);
    }

    public List<Column> columns() {
        return columns;
    }

    /** The header row: the columns' names in order. */
    public List<String> header() {
        return columns.stream().map(Column::name).toList();
    }

    /** The cells {@code row} is written as. */
    public List<String> cells(R row) {
        return cells.stream().map(c -> c.apply(row)).toList();
    }

    /** A new file (an existing one is replaced) with its header. */
    public CsvRowWriter<R> create(Path file) throws IOException {
        return new CsvRowWriter<>(this, CsvFile.create(file, header()));
    }

    /** A new file (an existing one is replaced) with its header and {@code rows}, the reverse of {@link #readAll}. */
    public void writeAll(Path file, List<R> rows) throws IOException {
        try (CsvRowWriter<R> out = create(file)) {
            rows.forEach(out::write);
        }
    }

    /**
     * Appends to a file, writing the header first when it is new or empty.
     *
     * @throws CsvHeaderException when the file exists with another header
     */
    public CsvRowWriter<R> append(Path file) throws IOException {
        return append(file, WriteFailureListener.NONE);
    }

    /**
     * Appends to a file a restarted app carries on (see {@link CsvFile#append(Path, List, WriteFailureListener)}),
     * telling {@code failures} of a failed write before it throws.
     *
     * @throws CsvHeaderException when the file exists with another header
     */
    public CsvRowWriter<R> append(Path file, WriteFailureListener failures) throws IOException {
        checkHeader(file);
        return new CsvRowWriter<>(this, CsvFile.append(file, header(), failures));
    }

    /** An existing, non-empty file must start with this schema's header: rows of two formats never mix in one file. */
    private void checkHeader(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return;
        }
        List<String> found;
        try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             org.apache.commons.csv.CSVParser parser = CsvFile.FORMAT.parse(in)) {
            java.util.Iterator<org.apache.commons.csv.CSVRecord> records = parser.iterator();
            found = records.hasNext() ? records.next().toList() : List.of();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new CsvHeaderException(file, 1, "header does not parse (" + e.getMessage() + "), so rows cannot be"
                    + " appended to it (expected: " + header() + "); move the file aside or write elsewhere");
        }
        if (!found.equals(header())) {
            throw new CsvHeaderException(file, 1, "header " + found + " is not " + fileName + "'s " + header()
                    + ", so rows cannot be appended to it; move the file aside or write elsewhere");
        }
    }

    /**
     * Reads {@code file} tolerantly: a line that does not parse, or the last line still without its line end, is
     * left out and listed in {@link CsvRows#skipped()}.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws CsvHeaderException                when the file is empty or its header lacks a required column
     */
    public CsvRows<R> read(Path file) throws IOException {
        return CsvFileReader.read(this, file, Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code file} strictly: every line must parse and end.
     *
     * @throws CsvValueException for the first line that does not, naming file, line, column and value
     */
    public List<R> readAll(Path file) throws IOException {
        CsvRows<R> rows = read(file);
        if (!rows.skipped().isEmpty()) {
            SkippedLine first = rows.skipped().get(0);
            throw new CsvValueException(file, first.line(), first.problem());
        }
        return rows.rows();
    }

    /** Follows {@code file} as it grows. */
    public CsvTail<R> tail(Path file) {
        return new CsvTail<>(this, file);
    }

    R row(RowValues values) {
        return reader.apply(values);
    }

    @Override
    public String toString() {
        return fileName + " " + header();
    }

    /** Collects the columns in the order they are written. */
    public static final class Builder<R> {

        private final String fileName;
        private final List<Column> columns = new ArrayList<>();
        private final List<Function<R, String>> cells = new ArrayList<>();

        private Builder(String fileName) {
            this.fileName = fileName;
        }

        public Builder<R> number(NumberColumn column, ToDoubleFunction<R> value) {
            return add(column, row -> column.format(value.applyAsDouble(row)));
        }

        public Builder<R> text(TextColumn column, Function<R, String> value) {
            return add(column, row -> column.format(value.apply(row)));
        }

        private Builder<R> add(Column column, Function<R, String> cell) {
            if (columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(column.name()))) {
                throw new IllegalArgumentException(fileName + ": column " + column.name() + " declared twice");
            }
            columns.add(column);
            cells.add(cell);
            return this;
        }

        /** The schema, with how a read line becomes a row. */
        public CsvSchema<R> reading(Function<RowValues, R> reader) {
            return new CsvSchema<>(fileName, columns, cells, reader);
        }
    }
}
