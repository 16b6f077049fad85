package io.acai.detection.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.BoundingBox;
import io.acai.detection.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

    // a1 and a2 overlap with IoU 90 / 110 = 0.818; a3 overlaps neither; b1 lies on a1 but is another class
    private static final Detection A1 = detection(0, 0.9f, 0, 0);
    private static final Detection A2 = detection(0, 0.8f, 1, 0);
    private static final Detection A3 = detection(0, 0.7f, 20, 20);
    private static final Detection B1 = detection(1, 0.85f, 0, 0);

    @Test
    void overlappingBoxOfTheSameClassIsSuppressed() {
        List<Detection> kept = NonMaxSuppression.perClass(List.of(A3, A2, B1, A1), 0.5);

        assertThat(kept).containsExactly(A1, B1, A3);
    }

    @Test
    void overlapBelowTheThresholdIsKept() {
        assertThat(NonMaxSuppression.perClass(List.of(A2, A1), 0.85)).containsExactly(A1, A2);
    }

    @Test
    void suppressedBoxDoesNotSuppressOthers() {
        // c1 suppresses c2 (IoU 0.818); c2 would have suppressed c3 (IoU 0.818) but c1 and c3 overlap by 0.667
        Detection c1 = detection(0, 0.9f, 0, 0);
        Detection c2 = detection(0, 0.8f, 1, 0);
        Detection c3 = detection(0, 0.7f, 2, 0);

        assertThat(NonMaxSuppression.perClass(List.of(c3, c2, c1), 0.7)).containsExactly(c1, c3);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(NonMaxSuppression.perClass(List.of(), 0.5)).isEmpty();
    }

    @Test
    void thresholdOutOfRangeIsRefused() {
        assertThatThrownBy(() -> NonMaxSuppression.perClass(List.of(A1), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nms: 1.5");
    }

    private static Detection detection(int classId, float confidence, double x, double y) {
        return new Detection(classId, "c" + classId, confidence, new BoundingBox(x, y, 10, 10));
    }
}
