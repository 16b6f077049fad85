package io.acai.dataset.metrics;

import io.acai.detection.BoundingBox;
import io.acai.detection.Detection;
import io.acai.detection.GroundTruth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * mAP at an IoU threshold (0.5 by default) as Pascal VOC computes it, accumulated image by image.
 * Per class, detections of all images are ranked by confidence (ties keep the order they were
 * added in); each is a true positive when the ground-truth box of its class in its image that it
 * overlaps most has IoU at or above the threshold and no higher-ranked detection took it, a
 * false positive otherwise. AP is the area under the precision envelope over all recall points
 * (VOC 2010 and later, "all-point"); mAP is the mean AP over the classes that have ground truth.
 * Classes with detections but no ground truth are left out. Thread-safe.
 */
public final class MeanAveragePrecision {

    private final double threshold;
    private final List<Ranked> detections = new ArrayList<>();
    private final List<List<GroundTruth>> truths = new ArrayList<>();
    private final Map<Integer, String> classNames = new TreeMap<>();

    /** mAP@0.5. */
    public MeanAveragePrecision() {
        this(0.5);
    }

    public MeanAveragePrecision(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: " + threshold + " (expected: > 0 and <= 1)");
        }
        this.threshold = threshold;
    }

    /** Adds one image: what was detected in it and what is in it. */
    public synchronized void add(List<Detection> imageDetections, List<GroundTruth> imageTruth) {
        int image = truths.size();
        truths.add(List.copyOf(imageTruth));
        for (GroundTruth object : imageTruth) {
            classNames.putIfAbsent(object.classId(), object.className());
        }
        for (Detection detection : imageDetections) {
            detections.add(new Ranked(image, detections.size(), detection));
        }
    }

    /** The number of images added. */
    public synchronized int images() {
        return truths.size();
    }

    /** AP per class and their mean, for the images added so far. */
    public synchronized Result result() {
        List<ClassAp> classes = new ArrayList<>();
        for (Map.Entry<Integer, String> entry : classNames.entrySet()) {
            classes.add(classAp(entry.getKey(), entry.getValue()));
        }
        double map = classes.stream().mapToDouble(ClassAp::averagePrecision).average().orElse(Double.NaN);
        return new Result(map, threshold, truths.size(), classes);
    }

    private ClassAp classAp(int classId, String className) {
        List<Ranked> ranked = detections.stream().filter(r -> r.detection().classId() == classId)
                .sorted(Comparator.comparingDouble((Ranked r) -> -r.detection().confidence())
                        .thenComparingInt(Ranked::order))
                .toList();
        List<List<BoundingBox>> boxes = new ArrayList<>();
        List<boolean[]> taken = new ArrayList<>();
        int positives = 0;
        for (List<GroundTruth> image : truths) {
            List<BoundingBox> ofClass = image.stream().filter(o -> o.classId() == classId).map(GroundTruth::box).toList();
            boxes.add(ofClass);
            taken.add(new boolean[ofClass.size()]);
            positives += ofClass.size();
        }
        double[] recall = new double[ranked.size()];
        double[] precision = new double[ranked.size()];
        int truePositives = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Ranked r = ranked.get(i);
            List<BoundingBox> candidates = boxes.get(r.image());
            int best = -1;
            double bestIou = -1;
            for (int j = 0; j < candidates.size(); j++) {
                double iou = r.detection().box().iou(candidates.get(j));
                if (iou > bestIou) {
                    bestIou = iou;
                    best = j;
                }
            }
            if (best >= 0 && bestIou >= threshold && !taken.get(r.image())[best]) {
                taken.get(r.image())[best] = true;
                truePositives++;
            }
            recall[i] = truePositives / (double) positives;
            precision[i] = truePositives / (double) (i + 1);
        }
        return new ClassAp(classId, className, averagePrecision(recall, precision), positives, ranked.size(),
                truePositives);
    }

    /**
     * VOC all-point AP: the area under the precision envelope (at each recall, the best precision
     * at that recall or beyond) of a ranked list's recall and precision points.
     */
    public static double averagePrecision(double[] recall, double[] precision) {
        if (recall.length != precision.length) {
            throw new IllegalArgumentException("recall and precision: " + recall.length + " and "
                    + precision.length + " points (expected: as many)");
        }
        int n = recall.length;
        double[] r = new double[n + 2];
        double[] p = new double[n + 2];
        r[n + 1] = 1;
        System.arraycopy(recall, 0, r, 1, n);
        System.arraycopy(precision, 0, p, 1, n);
        for (int i = n; i >= 0; i--) {
            p[i] = Math.max(p[i], p[i + 1]);
        }
        double ap = 0;
        for (int i = 0; i <= n; i++) {
            if (r[i + 1] != r[i]) {
                ap += (r[i + 1] - r[i]) * p[i + 1];
            }
        }
        return ap;
    }

    private record Ranked(int image, int order, Detection detection) {
    }

    /**
     * AP of one class.
     *
     * @param truths ground-truth objects of the class
     * @param detections detections of the class
     * @param truePositives detections matched to an object
     */
    public record ClassAp(int classId, String className, double averagePrecision, int truths, int detections,
            int truePositives) {
    }

    /**
     * mAP over the classes with ground truth ({@code NaN} when no image had any object), and each
     * class's AP in class id order.
     */
    public record Result(double map, double threshold, int images, List<ClassAp> classes) {

        public Result {
            classes = List.copyOf(classes);
        }

        /** {@code mAP@0.5 0.7500 over 2 images, 2 classes}, then one line per class. */
        public String describe() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "mAP@%.2f %.4f over %d images, %d classes", threshold, map, images, classes.size()));
            for (ClassAp ap : classes) {
                text.append(String.format(Locale.ROOT, "%n  %-16s AP %.4f  (%d objects, %d detections, %d matched)",
                        ap.className(), ap.averagePrecision(), ap.truths(), ap.detections(), ap.truePositives()));
            }
            return text.toString();
        }
    }
}
