package io.acai.cloud.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.dataset.DatasetSplit;
import io.acai.dataset.Datasets;
import io.acai.dataset.YoloDatasetWriter;
import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.scenes.SceneClasses;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorFramesTest {

    private static final ClassNames NAMES = SceneClasses.NAMES;

    @TempDir
    Path tmp;

    @Test
    void withoutDataTheAnchorsArePreDriftScenesLetterboxedToTheInput() throws IOException {
        List<LabeledFrame> anchors = AnchorFrames.draw(new AnchorSettings(3, Optional.empty()), NAMES, 192, 192, 7);

        assertThat(anchors).hasSize(3);
        assertThat(anchors).allMatch(f -> f.width() == 192 && f.height() == 192);
        LabeledFrame scene = new SceneGenerator(7, SceneStyle.PRE_DRIFT).frame(0);
        assertThat(anchors.get(0).id()).isEqualTo(scene.id());
        assertThat(anchors.get(0).objects()).hasSameSizeAs(scene.objects());
    }

    @Test
    void fromDataTheyArePhotosTheEdgesServeNeverHeldOutOnes() throws IOException {
        Path data = tmp.resolve("data");
        YoloDatasetWriter writer = YoloDatasetWriter.create(data, NAMES);
        SceneGenerator scenes = new SceneGenerator(11, SceneStyle.PRE_DRIFT);
        for (int i = 0; i < 30; i++) {
            writer.write(scenes.frame(i));
        }
        List<String> heldOut = DatasetSplit.heldOut(Datasets.open(data, NAMES)).stream()
                .map(e -> e.id()).toList();

        List<LabeledFrame> anchors = AnchorFrames.draw(new AnchorSettings(8, Optional.of(data)), NAMES, 160, 160, 1);

        assertThat(anchors).hasSize(8).allMatch(f -> f.width() == 160 && f.height() == 160);
        assertThat(anchors).extracting(LabeledFrame::id).doesNotContainAnyElementsOf(heldOut).doesNotHaveDuplicates();
        assertThat(AnchorFrames.draw(new AnchorSettings(8, Optional.of(data)), NAMES, 160, 160, 1))
                .extracting(LabeledFrame::id).containsExactlyElementsOf(anchors.stream().map(LabeledFrame::id).toList());
        assertThatThrownBy(() -> AnchorFrames.draw(new AnchorSettings(29, Optional.of(data)), NAMES, 160, 160, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("--anchor-data " + data)
                .hasMessageContaining("expected: at least --anchors 29");
    }

    @Test
    void countsOutOfRangeAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> new AnchorSettings(-1, Optional.empty()))
                .hasMessage("--anchors : -1 (expected: 0..10000)");
    }
}
