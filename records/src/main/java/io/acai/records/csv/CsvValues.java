package io.acai.records.csv;

import io.acai.records.CsvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A list of values written on one line, comma-separated as the run files are ({@link CsvFile#FORMAT}, RFC 4180):
 * option and config values such as a model's {@code cfg,weights,names} or {@code classes:car,dog}. A value with a
 * comma in it is written in double quotes ({@code "models/a,b.cfg",w.weights,n.names}); spaces around a value are
 * kept, so callers trim where a value may not hold them.
 */
public final class CsvValues {

    private static final CSVFormat ONE_LINE = CsvFile.FORMAT.builder().setIgnoreEmptyLines(false).get();

    private CsvValues() {
    }

    /**
     * The values of {@code line}: one value for a line without a comma, an empty value where two commas meet or a
     * comma ends the line, none for an empty line.
     *
     * @throws IllegalArgumentException saying what is wrong when a quote is left open or the text holds a line break
     */
    public static List<String> parse(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("'" + line + "' holds a line break (expected: values on one line)");
        }
        try (CSVParser parser = CSVParser.parse(line, ONE_LINE)) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() ? records.next().toList() : List.of();
        } catch (UncheckedIOException | IOException e) {
            throw new IllegalArgumentException("'" + line + "' is not a comma-separated list (" + e.getMessage()
                    + "; a value with a comma in it goes in double quotes)", e);
        }
    }

    /** {@code values} on one line, each quoted only where {@link #parse} needs it to read the value back. */
    public static String format(List<String> values) {
        return ONE_LINE.format(values.toArray());
    }
}
