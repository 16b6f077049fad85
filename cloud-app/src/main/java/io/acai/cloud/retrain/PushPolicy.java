package io.acai.cloud.retrain;

import java.util.Locale;

/** Which edges receive a retrained model. */
public enum PushPolicy {
    /** Only the edges whose uploads the retrain used, as the original. */
    CONTRIBUTORS,
    /** Every connected edge. */
    ALL;

    public static PushPolicy parse(String value) {
        for (PushPolicy p : values()) {
            if (p.name().equalsIgnoreCase(value.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("--push : " + value + " (expected: contributors or all)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
