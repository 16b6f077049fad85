package io.acai.dataset.metrics;

import static io.acai.dataset.metrics.Boxes.detection;
import static io.acai.dataset.metrics.Boxes.truth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.BoundingBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameJudgeTest {

    private final FrameJudge classes = FrameJudge.named("classes");
    private final FrameJudge iou = FrameJudge.named("iou");

    @Test
    void namedKnowsTwoJudgesAndNamesTheChoicesOtherwise() {
        assertThat(classes).isInstanceOf(ClassListJudge.class);
        assertThat(classes.name()).isEqualTo("classes");
        assertThat(iou).isInstanceOf(IouMatchJudge.class);
        assertThat(((IouMatchJudge) iou).threshold()).isEqualTo(0.5);
        assertThatThrownBy(() -> FrameJudge.named("map")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("judge: 'map' (expected: classes or iou)");
        assertThatThrownBy(() -> new IouMatchJudge(0)).hasMessage("threshold: 0.0 (expected: > 0 and <= 1)");
    }

    @Test
    void iouOfBoxesComputedByHand() {
        // (0,0,10,10) and (5,0,10,10): overlap 5x10 = 50, union 100 + 100 - 50 = 150
        assertThat(new BoundingBox(0, 0, 10, 10).iou(new BoundingBox(5, 0, 10, 10))).isEqualTo(50.0 / 150);
        // (0,0,10,10) inside (0,0,10,20): overlap 100, union 200
        assertThat(new BoundingBox(0, 0, 10, 10).iou(new BoundingBox(0, 0, 10, 20))).isEqualTo(0.5);
        assertThat(new BoundingBox(0, 0, 10, 10).iou(new BoundingBox(10, 0, 10, 10))).isZero();
    }

    @Test
    void classListRuleComparesSortedClassesAndIgnoresBoxes() {
        var truth = List.of(truth(7, 0, 0, 10, 10), truth(3, 50, 50, 10, 10), truth(7, 20, 20, 5, 5));

        // same multiset {3, 7, 7} in another order, boxes anywhere: right
        assertThat(classes.correct(List.of(detection(7, .9, 100, 100, 1, 1), detection(7, .8, 0, 0, 1, 1),
                detection(3, .7, 0, 0, 1, 1)), truth)).isTrue();
        // {3, 7}: a cat missed
        assertThat(classes.correct(List.of(detection(7, .9, 0, 0, 10, 10), detection(3, .7, 50, 50, 10, 10)), truth))
                .isFalse();
        // {3, 3, 7}: same count, other classes
        assertThat(classes.correct(List.of(detection(3, .9, 0, 0, 10, 10), detection(3, .9, 0, 0, 10, 10),
                detection(7, .7, 50, 50, 10, 10)), truth)).isFalse();
        assertThat(classes.correct(List.of(), List.of())).isTrue();
        assertThat(classes.correct(List.of(detection(1, .5, 0, 0, 1, 1)), List.of())).isFalse();
    }

    @Test
    void iouRuleNeedsEveryObjectMatchedByClassAndOverlap() {
        var truth = List.of(truth(0, 0, 0, 10, 10));

        // IoU exactly 0.5 (100 / 200) is enough
        assertThat(iou.correct(List.of(detection(0, .9, 0, 0, 10, 20)), truth)).isTrue();
        // 100 / 205 = 0.4878 is not
        assertThat(iou.correct(List.of(detection(0, .9, 0, 0, 10, 20.5)), truth)).isFalse();
        // the right box with the wrong class
        assertThat(iou.correct(List.of(detection(1, .9, 0, 0, 10, 10)), truth)).isFalse();
        // an extra detection, even a duplicate of the right one
        assertThat(iou.correct(List.of(detection(0, .9, 0, 0, 10, 10), detection(0, .8, 0, 0, 10, 10)), truth))
                .isFalse();
        assertThat(iou.correct(List.of(), truth)).isFalse();
        assertThat(iou.correct(List.of(), List.of())).isTrue();
        // the class-list rule takes a detection far from its object
        assertThat(classes.correct(List.of(detection(0, .9, 60, 60, 10, 10)), truth)).isTrue();
        assertThat(iou.correct(List.of(detection(0, .9, 60, 60, 10, 10)), truth)).isFalse();
    }

    @Test
    void iouRuleFindsTheOneToOnePairingWhereGreedyPairingFails() {
        // A = (0,0,10,10), B = (4,0,10,10).
        // D1 = (2,0,10,10): IoU with A = 80 / 120 = 0.667, with B = 80 / 120 = 0.667
        // D2 = (0,0,10,10): IoU with A = 1, with B = 60 / 140 = 0.43
        // pairing D1 first with A (its first best) leaves D2 with B at 0.43; D1-B, D2-A works
        var truth = List.of(truth(0, 0, 0, 10, 10), truth(0, 4, 0, 10, 10));
        var detections = List.of(detection(0, .9, 2, 0, 10, 10), detection(0, .8, 0, 0, 10, 10));

        assertThat(iou.correct(detections, truth)).isTrue();
        // D1 and a copy of it cannot both pair with A and B unless both reach 0.5: (2,0) vs B is 0.667, so yes
        assertThat(iou.correct(List.of(detection(0, .9, 2, 0, 10, 10), detection(0, .9, 2, 0, 10, 10)), truth))
                .isTrue();
        // two detections on A: B stays unmatched
        assertThat(iou.correct(List.of(detection(0, .9, 0, 0, 10, 10), detection(0, .9, 0, 0, 10, 10)), truth))
                .isFalse();
        assertThat(new IouMatchJudge(0.7).correct(detections, truth)).isFalse();
    }
}
