package io.acai.dataset.metrics;

import io.acai.detection.Detection;
import io.acai.detection.GroundTruth;
import java.util.Arrays;
import java.util.List;

/**
 * The original project's rule: a frame is right when the sorted list of detected class ids equals
 * the sorted list of ground-truth class ids. Boxes are not looked at, so two cats detected where
 * two cats are is right wherever the boxes lie, and one cat missed or one extra is wrong.
 */
public final class ClassListJudge implements FrameJudge {

    static final String NAME = "classes";

    @Override
    public boolean correct(List<Detection> detections, List<GroundTruth> truth) {
        if (detections.size() != truth.size()) {
            return false;
        }
        int[] detected = detections.stream().mapToInt(Detection::classId).sorted().toArray();
        int[] expected = truth.stream().mapToInt(GroundTruth::classId).sorted().toArray();
        return Arrays.equals(detected, expected);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
