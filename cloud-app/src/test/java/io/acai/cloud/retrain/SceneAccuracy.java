package io.acai.cloud.retrain;

import io.acai.dataset.metrics.FrameJudge;
import io.acai.detection.LabeledFrame;
import io.acai.detection.ModelFiles;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.OpenCvDetector;
import io.acai.scenes.SceneGenerator;
import io.acai.scenes.SceneStyle;
import java.nio.file.Files;
import java.nio.file.Path;

/** Frame accuracy of weights on held-out scenes as the default experiment's edges judge it ({@code classes}, {@code --conf 0.4}). */
final class SceneAccuracy {

    static final float CONFIDENCE = 0.4f;

    private SceneAccuracy() {
    }

    /** A detector running {@code weights} with the model's cfg and names; the weights are written under {@code tmp}. */
    static OpenCvDetector detector(ModelFiles model, byte[] weights, Path tmp) throws Exception {
        Path file = Files.createTempFile(tmp, "weights", ".weights");
        Files.write(file, weights);
        return OpenCvDetector.load(new ModelFiles(model.cfg(), file, model.names()),
                DetectorSettings.DEFAULT.withConfidence(CONFIDENCE));
    }

    /** The share of the first {@code frames} scenes of {@code seed} in {@code style} judged right. */
    static double of(ModelFiles model, byte[] weights, Path tmp, long seed, SceneStyle style, int frames)
            throws Exception {
        FrameJudge judge = FrameJudge.named("classes");
        try (OpenCvDetector detector = detector(model, weights, tmp)) {
            SceneGenerator scenes = new SceneGenerator(seed, style);
            int correct = 0;
            for (int i = 0; i < frames; i++) {
                LabeledFrame frame = scenes.frame(i);
                if (judge.correct(detector.detect(frame.image()), frame.objects())) {
                    correct++;
                }
            }
            return correct / (double) frames;
        }
    }
}
