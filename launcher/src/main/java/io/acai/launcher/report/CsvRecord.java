package io.acai.launcher.report;

import java.util.Map;

/**
 * One data line of a CSV file, read by column name. Blank numeric fields read as {@code NaN};
 * a field that is not a number throws {@link CsvFieldException} naming the column and the value.
 */
public final class CsvRecord {

    private final Map<String, Integer> columns;
    private final String[] fields;

    CsvRecord(Map<String, Integer> columns, String[] fields) {
        this.columns = columns;
        this.fields = fields;
    }

    /** The trimmed text of a column; empty when blank. */
    public String text(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new CsvFieldException(column, null, "no such column");
        }
        return fields[index].trim();
    }

    /** A number; {@code NaN} when the field is blank. */
    public double number(String column) {
        String value = text(column);
        if (value.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new CsvFieldException(column, value, "not a number");
        }
    }

    /** A time in epoch milliseconds; {@code NaN} when blank. */
    public double epochMillis(String column) {
        double value = number(column);
        if (value < 0) {
            throw new CsvFieldException(column, text(column), "a negative time");
        }
        return value;
    }
}
