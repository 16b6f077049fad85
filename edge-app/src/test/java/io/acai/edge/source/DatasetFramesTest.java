package io.acai.edge.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.dataset.Dataset;
import io.acai.dataset.DatasetSplit;
import io.acai.dataset.Datasets;
import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.detection.SharedData;
import io.acai.scenes.PhotoDrift;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Frames from COCO128 in {@code ../shared}: the held-out photos never served, and the drifts from their frame on. */
class DatasetFramesTest {

    private static Dataset coco128() throws java.io.IOException {
        return Datasets.open(SharedData.resolve("data/coco128"),
                ClassNames.read(SharedData.resolve("data/darknet/data/coco.names")));
    }

    @Test
    void servesNoHeldOutPhotoAndDriftsFromItsFrameOn() throws Exception {
        Dataset dataset = coco128();
        Set<String> heldOut = new HashSet<>();
        DatasetSplit.heldOut(dataset).forEach(e -> heldOut.add(e.id()));
        assertThat(heldOut).hasSize(DatasetSplit.heldOut(dataset).size()).isNotEmpty();
        assertThat(heldOut.size()).isBetween(dataset.size() / 10, dataset.size() * 3 / 10);

        DatasetFrames frames = new DatasetFrames(dataset, Optional.of(PhotoDrift.parse("night", dataset.modelNames())),
                5);
        int served = dataset.size() - heldOut.size();
        for (long i = 0; i < served; i++) {
            LabeledFrame frame = frames.frame(i);
            assertThat(heldOut).doesNotContain(frame.id().replace("@night", ""));
            assertThat(frame.id().endsWith("@night")).as("frame %d", i).isEqualTo(i >= 5);
        }
        assertThat(frames.describe()).contains(served + " photos served (" + heldOut.size() + " held out");
    }

    @Test
    void aClassMixDriftServesThePhotosWithoutTheClassesThenThoseWithOne() throws Exception {
        Dataset dataset = coco128();
        ClassNames names = dataset.modelNames();
        DatasetFrames frames = new DatasetFrames(dataset, Optional.of(PhotoDrift.parse("classes:dog", names)), 10);
        for (long i = 0; i < 30; i++) {
            boolean dog = frames.frame(i).objects().stream().anyMatch(o -> o.className().equals("dog"));
            assertThat(dog).as("frame %d holds a dog", i).isEqualTo(i >= 10);
        }
        assertThatThrownBy(() -> new DatasetFrames(dataset, Optional.of(PhotoDrift.parse("classes:toaster", names)),
                0)).hasMessageContaining("no served photo");
    }
}
