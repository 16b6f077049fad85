package io.acai.edge.infer;

import io.acai.detection.Detection;
import io.acai.detection.GroundTruth;
import java.util.List;

/** Whether a frame's detections are right against its ground truth ({@code --judge}). */
@FunctionalInterface
public interface FrameCheck {

    boolean correct(List<Detection> detections, List<GroundTruth> truth);
}
