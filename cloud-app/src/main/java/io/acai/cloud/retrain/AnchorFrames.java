package io.acai.cloud.retrain;

import io.acai.dataset.Dataset;
import io.acai.dataset.DatasetEntry;
import io.acai.dataset.DatasetSplit;
import io.acai.dataset.Datasets;
import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Draws the {@link AnchorSettings anchors}, letterboxed to the network's input as uploads are. */
public final class AnchorFrames {

    private AnchorFrames() {
    }

    /**
     * The anchors: {@code settings.count()} photos of {@code settings.data()} drawn with {@code seed} from the
     * part the edges serve, or, without data, the first pre-drift scenes of {@code seed}.
     *
     * @throws IOException when the dataset cannot be read or holds fewer photos than asked for
     */
    public static List<LabeledFrame> draw(AnchorSettings settings, ClassNames names, int inputWidth, int inputHeight,
                                          long seed) throws IOException {
        List<LabeledFrame> frames = new ArrayList<>(settings.count());
        if (settings.count() == 0) {
            return frames;
        }
        if (settings.data().isEmpty()) {
            SceneGenerator scenes = new SceneGenerator(seed, SceneStyle.PRE_DRIFT);
            for (int i = 0; i < settings.count(); i++) {
                frames.add(scenes.frame(i).letterboxed(inputWidth, inputHeight));
            }
            return frames;
        }
        Dataset dataset = Datasets.open(settings.data().get(), names);
        List<DatasetEntry> served = new ArrayList<>(DatasetSplit.served(dataset));
        if (served.size() < settings.count()) {
            throw new IOException("--anchor-data " + dataset.root() + ": " + served.size() + " photos besides the "
                    + "held-out ones (expected: at least --anchors " + settings.count() + ")");
        }
        Collections.shuffle(served, new Random(seed));
        for (DatasetEntry entry : served.subList(0, settings.count())) {
            frames.add(dataset.load(entry).letterboxed(inputWidth, inputHeight));
        }
        return frames;
    }
}
