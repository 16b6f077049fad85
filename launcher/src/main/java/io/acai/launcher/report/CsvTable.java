package io.acai.launcher.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a CSV file with a header row into typed rows, tolerating what a run cut short leaves behind.
 *
 * <ul>
 *   <li>A missing file is noted as missing and gives {@link Optional#empty()}.</li>
 *   <li>A header without a needed column: the file is noted as unusable and gives empty.</li>
 *   <li>A last line without its line end, or one that does not parse, is taken as truncated: skipped and noted.
 *       A line only counts once its newline is written.</li>
 *   <li>Any other line that does not parse is skipped and noted with its line number and the field.</li>
 * </ul>
 * Columns are matched by name (trimmed, case-insensitive), in any order; extra columns are ignored.
 */
public final class CsvTable {

    private CsvTable() {
    }

    public static <T> Optional<List<T>> read(Path file, String label, RowParser<T> parser, ReportNotes notes) {
        if (!Files.isRegularFile(file)) {
            notes.missing(label);
            return Optional.empty();
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            notes.missing(label);
            notes.warning(label + ": cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        return parse(content, label, parser, notes);
    }

    static <T> Optional<List<T>> parse(String content, String label, RowParser<T> parser, ReportNotes notes) {
        boolean endsWithNewline = content.endsWith("\n");
        String[] lines = content.split("\r?\n", -1);
        int last = endsWithNewline ? lines.length - 2 : lines.length - 1;
        if (last < 0 || lines[0].isBlank()) {
            notes.missing(label);
            notes.warning(label + ": empty file (no header row)");
            return Optional.empty();
        }
        Map<String, Integer> columns = header(lines[0]);
        int width = lines[0].split(",", -1).length;
        List<String> absent = parser.columns().stream().filter(c -> !columns.containsKey(c)).toList();
        if (!absent.isEmpty()) {
            notes.missing(label);
            notes.warning(label + ":1: header lacks column(s) " + absent + ", file not used");
            return Optional.empty();
        }
        List<T> rows = new ArrayList<>();
        for (int i = 1; i <= last; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean isLast = i == last;
            if (isLast && !endsWithNewline) {
                notes.warning(label + ":" + (i + 1) + ": truncated last line skipped (no line end; run cut short?)");
                continue;
            }
            try {
                rows.add(parser.parse(record(columns, width, line)));
            } catch (CsvFieldException e) {
                notes.warning(label + ":" + (i + 1) + ": " + (isLast ? "truncated last line skipped: " : "line skipped: ")
                        + e.getMessage());
            }
        }
        return Optional.of(rows);
    }

    private static Map<String, Integer> header(String line) {
        String[] names = line.replace("\uFEFF", "").split(",", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.putIfAbsent(names[i].trim().toLowerCase(Locale.ROOT), i);
        }
        return columns;
    }

    private static CsvRecord record(Map<String, Integer> columns, int width, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length < width) {
            throw new CsvFieldException(fields.length + " fields (expected: " + width + ", as in the header)");
        }
        return new CsvRecord(columns, fields);
    }
}
