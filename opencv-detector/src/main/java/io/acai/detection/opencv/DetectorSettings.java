package io.acai.detection.opencv;

/**
 * How a detector filters and runs.
 *
 * @param confidence the least {@code objectness * class probability} a detection must reach, in [0, 1]
 * @param nms the IoU above which a box is suppressed by a more confident one of its class, in [0, 1]
 * @param threads the threads OpenCV's DNN module uses, at least 1 (a process-wide OpenCV setting)
 */
public record DetectorSettings(float confidence, float nms, int threads) {

    /** The edge's defaults: confidence 0.8, NMS IoU 0.3, 2 threads. */
    public static final DetectorSettings DEFAULT = new DetectorSettings(0.8f, 0.3f, 2);

    public DetectorSettings {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence: " + confidence + " (expected: 0..1)");
        }
        if (!(nms >= 0 && nms <= 1)) {
            throw new IllegalArgumentException("nms: " + nms + " (expected: an IoU in 0..1)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads + " (expected: >= 1)");
        }
    }

    public DetectorSettings withConfidence(float newConfidence) {
        return new DetectorSettings(newConfidence, nms, threads);
    }
}
