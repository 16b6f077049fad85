package io.acai.dataset.metrics;

import io.acai.detection.BoundingBox;
import io.acai.detection.Detection;
import io.acai.detection.GroundTruth;

/** Short constructors for metric fixtures. */
final class Boxes {

    private Boxes() {
    }

    static Detection detection(int classId, double confidence, double x, double y, double w, double h) {
        return new Detection(classId, "class" + classId, (float) confidence, new BoundingBox(x, y, w, h));
    }

    static GroundTruth truth(int classId, double x, double y, double w, double h) {
        return new GroundTruth(classId, "class" + classId, new BoundingBox(x, y, w, h));
    }
}
