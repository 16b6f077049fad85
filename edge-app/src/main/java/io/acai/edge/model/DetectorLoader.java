package io.acai.edge.model;

import io.acai.detection.Detector;
import java.io.IOException;

/** Builds a detector from a model, ready to serve: loaded and warmed (its first, slow forward pass done). */
public interface DetectorLoader {

    Detector load(EdgeModel model) throws IOException;
}
