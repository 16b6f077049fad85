package io.acai.detection;

/** One object found by a detector: its class, the detector's confidence and its box in image pixels. */
public record Detection(int classId, String className, float confidence, BoundingBox box) {
}
