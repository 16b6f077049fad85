package io.acai.records.csv;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Follows a run file while it is written, reading only what was added since the last {@link #poll()}: complete
 * lines become rows, an unfinished last line waits for the next poll, a line that does not parse is skipped. A file
 * that shrank was replaced: it is read again from its header, and the poll says so. Not thread-safe.
 */
public final class CsvTail<R> {

    /** At most this much of the file is read per poll. */
    private static final int CHUNK = 8 << 20;

    private final CsvSchema<R> schema;
    private final Path file;
    private long position;
    private long line;
    private CsvHeader header;
    private boolean unusable;

    CsvTail(CsvSchema<R> schema, Path file) {
        this.schema = schema;
        this.file = file;
    }

    /** The rows added since the last poll, and whether the file started over (the earlier rows no longer hold). */
    public record Batch<R>(boolean restarted, List<R> rows) {
    }

    /** The complete rows added since the last call; none when the file does not exist (yet) or cannot be read. */
    public Batch<R> poll() {
        boolean restarted = false;
        if (!Files.isRegularFile(file)) {
            return new Batch<>(false, List.of());
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < position) {
                position = 0;
                line = 0;
                header = null;
                unusable = false;
                restarted = true;
            }
            if (length == position || unusable) {
                return new Batch<>(restarted, List.of());
            }
            byte[] bytes = new byte[(int) Math.min(length - position, CHUNK)];
            in.seek(position);
            in.readFully(bytes);
            int end = lastNewline(bytes);
            if (end < 0) {
                return new Batch<>(restarted, List.of());
            }
            position += end + 1;
            return new Batch<>(restarted, rows(new String(bytes, 0, end + 1, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // replaced or unreadable for now: the next poll tries again
            return new Batch<>(restarted, List.of());
        }
    }

    private List<R> rows(String text) throws IOException {
        List<R> rows = new ArrayList<>();
        CsvFileReader.Lines lines = new CsvFileReader.Lines(text);
        long first = line;
        line += lines.count() - 1;
        try (CSVParser parser = CSVParser.parse(text, CsvFileReader.FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long number = first + lines.lineAt(record.getCharacterPosition());
                if (header == null) {
                    try {
                        header = CsvHeader.of(record, schema, file);
                    } catch (CsvHeaderException e) {
                        unusable = true;
                        return rows;
                    }
                    continue;
                }
                try {
                    rows.add(CsvFileReader.row(schema, header, record, file, number));
                } catch (CsvValueException e) {
                    // a foreign or damaged line: the tail is for a live view, the report lists such lines
                }
            }
        } catch (UncheckedIOException e) {
            // not CSV from some point on (an unterminated quote): what came before stands
        }
        return rows;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
