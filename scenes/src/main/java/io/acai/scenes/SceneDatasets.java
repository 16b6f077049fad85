package io.acai.scenes;

import io.acai.dataset.YoloDatasetWriter;
import io.acai.detection.LabeledFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongFunction;

/**
 * Synthetic scenes written as a YOLO dataset ({@link YoloDatasetWriter}: {@code images/*.png},
 * {@code labels/*.txt}, {@code classes.txt} with {@link SceneClasses#NAMES}), for the cloud's
 * {@code train} and {@code pretrain} commands and for anyone who wants to look at the frames.
 */
public final class SceneDatasets {

    private SceneDatasets() {
    }

    /** Frames {@code 0..count-1} of a camera's scenario into {@code dir}; returns {@code dir}. */
    public static Path write(DriftScenario scenario, int count, Path dir) throws IOException {
        return write(scenario::frame, count, dir);
    }

    /** Frames {@code 0..count-1} of a generator's stream into {@code dir}; returns {@code dir}. */
    public static Path write(SceneGenerator generator, int count, Path dir) throws IOException {
        return write(generator::frame, count, dir);
    }

    private static Path write(LongFunction<LabeledFrame> frames, int count, Path dir) throws IOException {
        if (count < 0) {
            throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
        }
        YoloDatasetWriter writer = YoloDatasetWriter.create(dir, SceneClasses.NAMES);
        for (int i = 0; i < count; i++) {
            writer.write(frames.apply(i));
        }
        return dir;
    }
}
