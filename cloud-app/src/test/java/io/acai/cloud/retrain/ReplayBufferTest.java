package io.acai.cloud.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static LabeledFrame frame(int i) {
        return new LabeledFrame("f" + i, new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR), List.of());
    }

    @Test
    void holdsAtMostItsCapacityDrawnFromEverythingOffered() {
        ReplayBuffer replay = new ReplayBuffer(10, 1);
        for (int i = 0; i < 1000; i++) {
            replay.add(frame(i));
        }
        List<LabeledFrame> held = replay.samples();
        assertThat(held).hasSize(10);
        assertThat(held).extracting(LabeledFrame::id).doesNotHaveDuplicates();
        // a uniform sample of 1000 keeps each of the first ten with chance 1/100: nearly all held are later frames
        assertThat(held).extracting(f -> Integer.parseInt(f.id().substring(1)))
                .filteredOn(i -> i >= 10).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void capacityZeroHoldsNothing() {
        ReplayBuffer replay = new ReplayBuffer(0, 1);
        replay.add(frame(1));
        assertThat(replay.samples()).isEmpty();
    }

    @Test
    void anchorsComeFirstAndNoUploadReplacesThem() {
        ReplayBuffer replay = new ReplayBuffer(5, 1);
        replay.anchor(List.of(frame(-1), frame(-2)));
        for (int i = 0; i < 100; i++) {
            replay.add(frame(i));
        }
        List<LabeledFrame> samples = replay.samples();
        assertThat(samples).hasSize(7);
        assertThat(samples.subList(0, 2)).extracting(LabeledFrame::id).containsExactly("f-1", "f-2");
        assertThat(samples.subList(2, 7)).extracting(LabeledFrame::id).noneMatch(id -> id.startsWith("f-"));
    }
}
