package io.acai.protocol;

import static io.acai.protocol.Arguments.checkNonNegative;
import static io.acai.protocol.Arguments.checkUnitInterval;

/**
 * One object in an uploaded image, as a darknet label line: class and box centre and size,
 * normalised to the image width and height.
 *
 * <p>Wire layout (20 bytes): {@code int32 classId, float32 cx, float32 cy, float32 w, float32 h}.
 */
public record Label(int classId, float cx, float cy, float w, float h) {

    public static final int ENCODED_LENGTH = 20;

    public Label {
        checkNonNegative(classId, "classId");
        checkUnitInterval(cx, "cx");
        checkUnitInterval(cy, "cy");
        checkUnitInterval(w, "w");
        checkUnitInterval(h, "h");
    }
}
