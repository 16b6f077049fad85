package io.acai.records.csv;

import java.util.Locale;

/**
 * A numeric column. Values are {@code double}s; a blank cell, or a column absent from an older file, reads as
 * {@code NaN}, and {@code NaN} is written blank. Whole units ({@link Unit#whole()}) are written without decimals,
 * the others with {@code places} decimals.
 *
 * @param places decimals written (0 for whole units)
 */
public record NumberColumn(String name, Unit unit, int places, boolean required) implements Column {

    public NumberColumn {
        if (unit == Unit.TEXT) {
            throw new IllegalArgumentException(name + " : unit TEXT (expected: a numeric unit)");
        }
        if (places < 0 || (unit.whole() && places != 0)) {
            throw new IllegalArgumentException(name + " : places " + places + " (expected: "
                    + (unit.whole() ? "0 for " + unit : ">= 0") + ")");
        }
    }

    /** Milliseconds since the epoch. */
    public static NumberColumn epochMillis(String name) {
        return new NumberColumn(name, Unit.EPOCH_MS, 0, false);
    }

    public static NumberColumn count(String name) {
        return new NumberColumn(name, Unit.COUNT, 0, false);
    }

    public static NumberColumn bytes(String name) {
        return new NumberColumn(name, Unit.BYTES, 0, false);
    }

    /** A decimal in {@code unit} with {@code places} decimals. */
    public static NumberColumn decimal(String name, Unit unit, int places) {
        return new NumberColumn(name, unit, places, false);
    }

    /** The same column, required: a file whose header lacks it is not used. */
    public NumberColumn asRequired() {
        return new NumberColumn(name, unit, places, true);
    }

    /** The cell for {@code value}: blank for NaN. */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (unit.whole()) {
            if (value != Math.rint(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + " : " + value + " (expected: a whole number of " + unit.label()
                        + ")");
            }
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /**
     * The value of a cell: NaN when blank.
     *
     * @throws IllegalArgumentException with the problem, for example {@code not a number}
     */
    double parse(String cell) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
        }
        if (unit == Unit.EPOCH_MS && value < 0) {
            throw new IllegalArgumentException("a negative time");
        }
        if (unit == Unit.SHARE && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("expected: a share between 0 and 1");
        }
        return value;
    }
}
