package io.acai.cloud.retrain;

import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.training.DetectorTrainer;
import io.acai.training.TrainingResult;
import io.acai.training.TrainingSettings;
import java.io.IOException;
import java.util.List;

/** Retrains with DJL on PyTorch ({@link DetectorTrainer}), on the GPU when one is present and asked for. */
public final class DjlRetrainer implements Retrainer {

    private final DetectorTrainer trainer;
    private final TrainingSettings settings;

    public DjlRetrainer(DarknetConfig cfg, ClassNames names, TrainingSettings settings) {
        this.trainer = new DetectorTrainer(cfg, names, settings);
        this.settings = settings;
    }

    @Override
    public RetrainOutcome retrain(byte[] weights, List<LabeledFrame> frames) throws IOException {
        TrainingResult result = trainer.train(weights, frames);
        return new RetrainOutcome(result.weights(), result.lossFirst(), result.lossLast(), result.epochLosses().size(),
                result.device());
    }

    @Override
    public void stop() {
        trainer.stop();
    }

    public TrainingSettings settings() {
        return settings;
    }
}
