package io.acai.records;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file with a fixed header row, written through Apache Commons CSV one flushed row at a time:
 * RFC 4180 with {@code \n} line ends, a value quoted only where Commons CSV's minimal quoting needs it
 * (a comma, a double quote or a line break in it, a space at either end, a leading {@code #}), so
 * {@code cpu(),gpu(0)} is written {@code "cpu(),gpu(0)"} and numbers and plain words as they are.
 * A blank value stays blank. A failed write throws a {@link RunFileWriteException} and tells the
 * {@link WriteFailureListener} first. Thread-safe.
 */
public final class CsvFile implements AutoCloseable {

    /** The format every run file is written in and read with. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final Path file;
    private final List<String> header;
    private final CSVPrinter out;
    private final WriteFailureListener failures;

    private CsvFile(Path file, List<String> header, Writer out, WriteFailureListener failures) throws IOException {
        this.file = file;
        this.header = List.copyOf(header);
        this.out = new CSVPrinter(out, FORMAT);
        this.failures = failures;
    }

    /** A new file: an existing one is replaced, so that every run's file starts with its header. */
    public static CsvFile create(Path file, List<String> header) throws IOException {
        createFolder(file);
        CsvFile csv = new CsvFile(file, header, Files.newBufferedWriter(file, StandardCharsets.UTF_8),
                WriteFailureListener.NONE);
        csv.writeLine(header);
        return csv;
    }

    /** As {@link #append(Path, List, WriteFailureListener)}, with no listener. */
    public static CsvFile append(Path file, List<String> header) throws IOException {
        return append(file, header, WriteFailureListener.NONE);
    }

    /**
     * Appends to {@code file}, creating it; the header is written only when the file is new or empty,
     * so that a file sampled by successive calls, or written again by a restarted app, keeps one header.
     * A last line left without its line end (a killed writer) is ended first: it stays one bad line, which
     * tolerant reading skips, and the next row starts on a line of its own. The file's header is not checked
     * here: {@link io.acai.records.csv.CsvSchema#append} refuses a file with another header.
     */
    public static CsvFile append(Path file, List<String> header, WriteFailureListener failures) throws IOException {
        createFolder(file);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        boolean cutShort = LineEnd.missingAtEnd(file);
        CsvFile csv = new CsvFile(file, header, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), failures);
        if (fresh) {
            csv.writeLine(header);
        } else if (cutShort) {
            csv.out.println();
            csv.out.flush();
        }
        return csv;
    }

    private static void createFolder(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /**
     * Writes one row, each value with {@link String#valueOf} and quoted as CSV requires.
     *
     * @throws IllegalArgumentException for a wrong number of values, naming the file and its header
     */
    public void row(Object... values) {
        row(Arrays.asList(values));
    }

    /** As {@link #row(Object...)}. */
    public synchronized void row(List<?> values) {
        if (values.size() != header.size()) {
            throw new IllegalArgumentException(file + ": row of " + values.size() + " values (expected: "
                    + header.size() + ", " + header + ")");
        }
        writeLine(values.stream().map(String::valueOf).toList());
    }

    private synchronized void writeLine(List<String> cells) {
        try {
            // Commons CSV quotes an empty first value ("") so that a one-column row is not a blank line;
            // these files have several columns, so a blank cell stays blank (printed as a null).
            out.printRecord(header.size() > 1 ? cells.stream().map(c -> c.isEmpty() ? null : c).toList() : cells);
            out.flush();
        } catch (IOException e) {
            RunFileWriteException failure = new RunFileWriteException(file, e);
            failures.writeFailed(failure);
            throw failure;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
