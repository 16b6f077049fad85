package io.acai.dataset.metrics;

import io.acai.detection.Detection;
import io.acai.detection.GroundTruth;
import java.util.Arrays;
import java.util.List;

/**
 * The strict rule: a frame is right when its detections and its objects pair up one to one, each
 * pair of the same class with IoU at or above the threshold (0.5 by default), with no detection
 * and no object left over. The pairing is a maximum bipartite matching, so it finds a one-to-one
 * assignment whenever one exists, even where pairing each detection with its best box would not.
 */
public final class IouMatchJudge implements FrameJudge {

    static final String NAME = "iou";

    private final double threshold;

    /** The judge at IoU 0.5. */
    public IouMatchJudge() {
        this(0.5);
    }

    public IouMatchJudge(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: " + threshold + " (expected: > 0 and <= 1)");
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public boolean correct(List<Detection> detections, List<GroundTruth> truth) {
        if (detections.size() != truth.size()) {
            return false;
        }
        int n = truth.size();
        boolean[][] fits = new boolean[n][n];
        for (int d = 0; d < n; d++) {
            for (int t = 0; t < n; t++) {
                Detection detection = detections.get(d);
                GroundTruth object = truth.get(t);
                fits[d][t] = detection.classId() == object.classId() && detection.box().iou(object.box()) >= threshold;
            }
        }
        int[] matchOfTruth = new int[n];
        Arrays.fill(matchOfTruth, -1);
        for (int d = 0; d < n; d++) {
            if (!augment(d, fits, matchOfTruth, new boolean[n])) {
                return false;
            }
        }
        return true;
    }

    /** Kuhn's augmenting path from detection {@code d}. */
    private static boolean augment(int d, boolean[][] fits, int[] matchOfTruth, boolean[] visited) {
        for (int t = 0; t < matchOfTruth.length; t++) {
            if (fits[d][t] && !visited[t]) {
                visited[t] = true;
                if (matchOfTruth[t] < 0 || augment(matchOfTruth[t], fits, matchOfTruth, visited)) {
                    matchOfTruth[t] = d;
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String toString() {
        return NAME + "@" + threshold;
    }
}
