package io.acai.cloud.holdout;

import io.acai.records.run.HoldoutRow;

/** The two kinds of held-out frames: scenes as before the drift, and drifted ones. */
public enum HoldoutStyle {
    PRE_DRIFT(HoldoutRow.PRE_DRIFT),
    DRIFT(HoldoutRow.DRIFT);

    private final String label;

    HoldoutStyle(String label) {
        this.label = label;
    }

    /** The name in {@code holdout.csv} and the log, {@code pre_drift} or {@code drift}. */
    public String label() {
        return label;
    }
}
