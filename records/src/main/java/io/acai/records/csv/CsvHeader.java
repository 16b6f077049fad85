package io.acai.records.csv;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * A file's header row: where each column is, matched by name (trimmed, without case or a byte order mark), in any
 * order. Extra columns are ignored; the first of two equal names counts.
 */
final class CsvHeader {

    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;

    private CsvHeader(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(key(names.get(i)), i);
        }
        width = names.size();
    }

    /** The header of {@code schema}'s file; throws when it lacks a required column. */
    static CsvHeader of(CSVRecord record, CsvSchema<?> schema, Path file) throws CsvHeaderException {
        CsvHeader header = new CsvHeader(record.toList());
        List<String> absent = schema.columns().stream().filter(Column::required).map(Column::name)
                .filter(name -> !header.has(name)).toList();
        if (!absent.isEmpty()) {
            throw new CsvHeaderException(file, 1, "header lacks column(s) " + absent + ", file not used");
        }
        return header;
    }

    private static String key(String name) {
        return name.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    boolean has(String column) {
        return columns.containsKey(key(column));
    }

    /** The column's index, or -1 when the file lacks it. */
    int index(String column) {
        return columns.getOrDefault(key(column), -1);
    }

    /** The number of names in the header. */
    int width() {
        return width;
    }

    /** The schema's optional columns this header lacks. */
    List<String> absent(CsvSchema<?> schema) {
        return schema.columns().stream().map(Column::name).filter(name -> !has(name)).toList();
    }
}
