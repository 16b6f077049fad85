package io.acai.detection.darknet;

import java.io.IOException;

/** A {@code .weights} file whose size does not fit its cfg: the message gives expected vs found float counts. */
public final class WeightsMismatchException extends IOException {

    private final long expectedFloats;
    private final long foundFloats;

    public WeightsMismatchException(String source, String cfg, long expectedFloats, long foundFloats) {
        super(source + ": " + foundFloats + " floats of weights, but " + cfg + " needs " + expectedFloats
                + " (wrong cfg for these weights, or a truncated file?)");
        this.expectedFloats = expectedFloats;
        this.foundFloats = foundFloats;
    }

    public long expectedFloats() {
        return expectedFloats;
    }

    public long foundFloats() {
        return foundFloats;
    }
}
