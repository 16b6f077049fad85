package io.acai.detection.opencv;

import io.acai.detection.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression per class, as darknet and OpenCV's {@code NMSBoxes} do it: within
 * one class, the most confident box is kept and every remaining box whose IoU with it exceeds the
 * threshold is dropped, then the next most confident survivor, and so on. Boxes of different classes
 * never suppress each other.
 */
public final class NonMaxSuppression {

    private NonMaxSuppression() {
    }

    /**
     * The surviving detections, most confident first (equal confidences keep their input order).
     *
     * @param iouThreshold a box is dropped when its IoU with a kept box of its class is above this
     */
    public static List<Detection> perClass(List<Detection> detections, double iouThreshold) {
        if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("nms: " + iouThreshold + " (expected: an IoU in 0..1)");
        }
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble(Detection::confidence).reversed());
        boolean[] suppressed = new boolean[sorted.size()];
        List<Detection> kept = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (suppressed[i]) {
                continue;
            }
            Detection best = sorted.get(i);
            kept.add(best);
            for (int j = i + 1; j < sorted.size(); j++) {
                Detection other = sorted.get(j);
                if (!suppressed[j] && other.classId() == best.classId()
                        && best.box().iou(other.box()) > iouThreshold) {
                    suppressed[j] = true;
                }
            }
        }
        return kept;
    }
}
