package io.acai.records.csv;

import java.util.List;
import java.util.Locale;

/**
 * A text column. Values are written as they are, quoted when CSV requires it (a comma, a double quote, a line
 * break, or spaces at either end); spaces around an unquoted value are dropped when read, and a column absent from an
 * older file reads as empty.
 *
 * @param expected when not empty: what a value must be, for example {@code a machine name}; then a blank cell is refused
 * @param allowed  when not empty: the only values accepted, compared without case
 */
public record TextColumn(String name, boolean required, String expected, List<String> allowed) implements Column {

    public TextColumn {
        allowed = List.copyOf(allowed);
    }

    public static TextColumn text(String name) {
        return new TextColumn(name, false, "", List.of());
    }

    /** The same column, required: a file whose header lacks it is not used. */
    public TextColumn asRequired() {
        return new TextColumn(name, true, expected, allowed);
    }

    /** The same column, refusing a blank cell with {@code expected: <what>}. */
    public TextColumn nonBlank(String what) {
        return new TextColumn(name, required, what, allowed);
    }

    /** The same column, accepting only {@code values} (without case). */
    public TextColumn oneOf(String... values) {
        List<String> list = List.of(values);
        String what = list.size() == 1 ? list.get(0)
                : String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
        return new TextColumn(name, required, what, list);
    }

    @Override
    public Unit unit() {
        return Unit.TEXT;
    }

    /** The cell for {@code value}. */
    public String format(String value) {
        return value == null ? "" : value;
    }

    /** The value of a cell; throws IllegalArgumentException with the problem. */
    String parse(String cell) {
        boolean refused = !expected.isEmpty() && cell.isEmpty()
                || !allowed.isEmpty() && allowed.stream().noneMatch(a -> a.equalsIgnoreCase(cell));
        if (refused) {
            throw new IllegalArgumentException("expected: " + expected);
        }
        return allowed.isEmpty() ? cell : cell.toLowerCase(Locale.ROOT);
    }
}
