package io.acai.records.csv;

/** The unit of a column's values, and how they are written: whole numbers, or decimals with a column's places. */
public enum Unit {
    /** A time: milliseconds since 1970-01-01 UTC, whole, never negative. */
    EPOCH_MS("ms since the epoch", true),
    /** A duration in milliseconds. */
    MS("ms", false),
    /** A number of things (frames, images, edges, epochs), whole. */
    COUNT("count", true),
    /** A size in bytes, whole. */
    BYTES("bytes", true),
    /** A share between 0 and 1. */
    SHARE("share, 0 to 1", false),
    /** Queue length, in requests. */
    REQUESTS("requests", false),
    /** CPU, in cores. */
    CORES("cores", false),
    /** Memory, in MiB (2^20 bytes). */
    MIB("MiB", false),
    /** A link rate, in Mbit/s (10^6 bits per second). */
    MBIT_PER_S("Mbit/s", false),
    /** A number without a unit (a loss). */
    NONE("", false),
    /** Text. */
    TEXT("text", false);

    private final String label;
    private final boolean whole;

    Unit(String label, boolean whole) {
        this.label = label;
        this.whole = whole;
    }

    /** How the unit is written in docs, for example {@code Mbit/s}. */
    public String label() {
        return label;
    }

    /** Whether values are whole numbers, written without decimals. */
    public boolean whole() {
        return whole;
    }
}
