package io.acai.detection;

/** One annotated object of a dataset or a synthetic scene: class and box in image pixels. */
public record GroundTruth(int classId, String className, BoundingBox box) {
}
