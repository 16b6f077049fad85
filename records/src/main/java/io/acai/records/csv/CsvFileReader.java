package io.acai.records.csv;

import io.acai.records.CsvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses a run file's text with Apache Commons CSV, tolerating what a run cut short leaves behind: a last line
 * without its line end is left out (it was still being written), and so is any line that does not parse.
 */
final class CsvFileReader {

    /** The written format, read with blank lines ignored and spaces around a value trimmed (not inside quotes). */
    static final CSVFormat FORMAT = CsvFile.FORMAT.builder().setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true).get();

    private CsvFileReader() {
    }

    static <R> CsvRows<R> read(CsvSchema<R> schema, Path file, String content) throws CsvHeaderException {
        int end = content.lastIndexOf('\n') + 1;
        String complete = end == 0 ? content : content.substring(0, end);
        Lines lines = new Lines(content);
        long unfinished = end > 0 && !content.substring(end).isBlank() ? lines.lineAt(end) : -1;

        List<SkippedLine> skipped = new ArrayList<>();
        List<CSVRecord> records = new ArrayList<>();
        CsvHeader header;
        try (CSVParser parser = CSVParser.parse(complete, FORMAT)) {
            Iterator<CSVRecord> iterator = parser.iterator();
            if (complete.isBlank() || !iterator.hasNext()) {
                throw new CsvHeaderException(file, 0, "empty file (no header row)");
            }
            header = CsvHeader.of(iterator.next(), schema, file);
            try {
                while (iterator.hasNext()) {
                    records.add(iterator.next());
                }
            } catch (UncheckedIOException e) {
                long line = records.isEmpty() ? 2 : lines.lineAt(last(records).getCharacterPosition()) + 1;
                skipped.add(new SkippedLine(line, "not CSV from here on (" + e.getCause().getMessage() + ")",
                        unfinished < 0, false));
            }
        } catch (IOException e) {
            if (e instanceof CsvHeaderException unusable) {
                throw unusable;
            }
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new CsvHeaderException(file, 1, "header is not CSV (" + e.getCause().getMessage() + ")");
        }

        List<R> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            long line = lines.lineAt(record.getCharacterPosition());
            boolean last = i == records.size() - 1 && unfinished < 0 && skipped.isEmpty();
            try {
                rows.add(row(schema, header, record, file, line));
            } catch (CsvValueException e) {
                skipped.add(new SkippedLine(line, e.problem(), last, false));
            }
        }
        skipped.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (unfinished > 0) {
            skipped.add(new SkippedLine(unfinished, "no line end (run cut short?)", true, true));
        }
        return new CsvRows<>(file, rows, skipped, header.absent(schema));
    }

    /** One data line as a row; throws CsvValueException naming the line and the column. */
    static <R> R row(CsvSchema<R> schema, CsvHeader header, CSVRecord record, Path file, long line) {
        if (record.size() < header.width()) {
            throw new CsvValueException(file, line, record.size() + " fields (expected: " + header.width()
                    + ", as in the header)");
        }
        return schema.row(new RowValues(header, record, file, line));
    }

    private static CSVRecord last(List<CSVRecord> records) {
        return records.get(records.size() - 1);
    }

    /** Where lines start in a text, to give a record's line number from its character position. */
    static final class Lines {

        private final int[] starts;

        Lines(String text) {
            List<Integer> list = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The number of line starts (lines ended, plus one). */
        int count() {
            return starts.length;
        }

        /** The line, from 1, holding character {@code position}. */
        long lineAt(long position) {
            int index = Arrays.binarySearch(starts, (int) position);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }
}
