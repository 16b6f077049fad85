package io.acai.launcher.campaign;

/** How a campaign's parameters are combined into settings. */
public enum Combine {
    /** Every combination of the values (the first parameter varies slowest). */
    GRID,
    /** The i-th value of every parameter together; every parameter has the same number of values. */
    ZIP
}
