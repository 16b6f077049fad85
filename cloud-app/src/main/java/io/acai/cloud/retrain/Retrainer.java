package io.acai.cloud.retrain;

import io.acai.detection.LabeledFrame;
import java.util.List;

/** Retrains a model on new frames; one call at a time. */
public interface Retrainer {

    /**
     * @param weights the current darknet {@code .weights} file
     * @param frames  the frames to learn, new uploads and replayed earlier samples
     * @return the new weights and how the training went
     */
    RetrainOutcome retrain(byte[] weights, List<LabeledFrame> frames) throws Exception;

    /**
     * Ends a retrain in progress soon, with an {@link java.io.InterruptedIOException}, and makes later ones fail
     * the same way: the cloud is stopping. The default does nothing (the retrain runs to its end).
     */
    default void stop() {
    }
}
