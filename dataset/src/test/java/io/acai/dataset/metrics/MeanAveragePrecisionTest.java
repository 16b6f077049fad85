package io.acai.dataset.metrics;

import static io.acai.dataset.metrics.Boxes.detection;
import static io.acai.dataset.metrics.Boxes.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanAveragePrecisionTest {

    @Test
    void allPointApOfRankedRecallAndPrecision() {
        // points (r, p): (0.5, 1), (0.5, 0.5), (1, 2/3); envelope: 1 up to r = 0.5, 2/3 up to r = 1
        // AP = 0.5 * 1 + 0.5 * 2/3 = 0.8333 (11-point interpolation would give 0.8485)
        double ap = MeanAveragePrecision.averagePrecision(new double[] {0.5, 0.5, 1}, new double[] {1, 0.5, 2.0 / 3});
        assertThat(ap).isCloseTo(0.5 + 1.0 / 3, within(1e-12));
        assertThat(MeanAveragePrecision.averagePrecision(new double[0], new double[0])).isZero();
    }

    @Test
    void mapOfTwoImagesComputedByHand() {
        MeanAveragePrecision map = new MeanAveragePrecision();
        // image 1: class 0 objects A = (0,0,10,10) and B = (20,20,10,10)
        map.add(List.of(
                        detection(0, .9, 0, 0, 10, 10), // d1: A, IoU 1 -> TP
                        detection(0, .8, 1, 0, 10, 10), // d2: best is A (90 / 110 = 0.82), already taken -> FP
                        detection(0, .5, 20, 25, 10, 10), // d5: B at 50 / 150 = 0.33 -> FP
                        detection(2, .99, 0, 0, 10, 10)), // class 2 has no ground truth: left out
                List.of(truth(0, 0, 0, 10, 10), truth(0, 20, 20, 10, 10)));
        // image 2: class 0 object C = (0,0,10,10), class 1 object D = (30,30,10,10)
        map.add(List.of(
                        detection(0, .7, 50, 50, 10, 10), // d3: no overlap -> FP
                        detection(0, .6, 0, 0, 10, 10), // d4: C -> TP
                        detection(1, .95, 30, 30, 10, 10)), // D -> TP
                List.of(truth(0, 0, 0, 10, 10), truth(1, 30, 30, 10, 10)));

        MeanAveragePrecision.Result result = map.result();

        // class 0 ranked d1 d2 d3 d4 d5: TP FP FP TP FP over 3 objects
        // recall 1/3 1/3 1/3 2/3 2/3, precision 1 1/2 1/3 1/2 2/5
        // envelope: 1 up to recall 1/3, 1/2 up to 2/3, 0 beyond: AP = 1/3 * 1 + 1/3 * 1/2 = 0.5
        // class 1: one TP on one object: AP = 1; mAP = (0.5 + 1) / 2 = 0.75
        assertThat(result.images()).isEqualTo(2);
        assertThat(result.classes()).extracting(MeanAveragePrecision.ClassAp::classId).containsExactly(0, 1);
        MeanAveragePrecision.ClassAp class0 = result.classes().get(0);
        assertThat(class0.averagePrecision()).isCloseTo(0.5, within(1e-12));
        assertThat(class0.truths()).isEqualTo(3);
        assertThat(class0.detections()).isEqualTo(5);
        assertThat(class0.truePositives()).isEqualTo(2);
        assertThat(result.classes().get(1).averagePrecision()).isEqualTo(1.0);
        assertThat(result.map()).isCloseTo(0.75, within(1e-12));
        assertThat(result.describe()).startsWith("mAP@0.50 0.7500 over 2 images, 2 classes");
    }

    @Test
    void missedObjectsAndClassesWithoutDetectionsLowerTheMean() {
        MeanAveragePrecision map = new MeanAveragePrecision();
        // class 0: two objects, one found first in rank: recall 1/2, precision 1 -> AP 0.5
        // class 1: one object, no detections -> AP 0; mAP = 0.25
        map.add(List.of(detection(0, .9, 0, 0, 10, 10)), List.of(truth(0, 0, 0, 10, 10), truth(1, 40, 40, 5, 5)));
        map.add(List.of(), List.of(truth(0, 0, 0, 10, 10)));

        assertThat(map.result().classes()).extracting(MeanAveragePrecision.ClassAp::averagePrecision)
                .containsExactly(0.5, 0.0);
        assertThat(map.result().map()).isEqualTo(0.25);
    }

    @Test
    void aFalsePositiveRankedAboveLowersApButNotOneRankedBelow() {
        // one object; ranks FP then TP: recall 0, 1; precision 0, 1/2 -> AP 0.5
        MeanAveragePrecision before = new MeanAveragePrecision();
        before.add(List.of(detection(0, .9, 50, 50, 10, 10), detection(0, .8, 0, 0, 10, 10)),
                List.of(truth(0, 0, 0, 10, 10)));
        // ranks TP then FP: recall 1, 1; precision 1, 1/2 -> AP 1
        MeanAveragePrecision after = new MeanAveragePrecision();
        after.add(List.of(detection(0, .7, 50, 50, 10, 10), detection(0, .8, 0, 0, 10, 10)),
                List.of(truth(0, 0, 0, 10, 10)));

        assertThat(before.result().map()).isEqualTo(0.5);
        assertThat(after.result().map()).isEqualTo(1.0);
    }

    @Test
    void noGroundTruthGivesNaN() {
        MeanAveragePrecision map = new MeanAveragePrecision();
        map.add(List.of(detection(0, .9, 0, 0, 10, 10)), List.of());
        assertThat(map.result().map()).isNaN();
        assertThat(map.result().classes()).isEmpty();
    }
}
