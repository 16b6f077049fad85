package io.acai.edge.source;

import io.acai.detection.LabeledFrame;
import java.io.IOException;

/** Where an edge's camera frames come from: frame {@code index} of an endless stream. */
public interface FrameSource {

    LabeledFrame frame(long index) throws IOException;

    /** One line for the log. */
    String describe();
}
