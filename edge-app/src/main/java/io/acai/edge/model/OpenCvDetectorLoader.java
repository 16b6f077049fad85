package io.acai.edge.model;

import io.acai.detection.Detector;
import io.acai.detection.opencv.DetectorSettings;
import io.acai.detection.opencv.OpenCvDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Loads models into OpenCV's DNN module from memory and runs the warm-up pass before handing them out. */
public final class OpenCvDetectorLoader implements DetectorLoader {

    private final DetectorSettings settings;

    public OpenCvDetectorLoader(DetectorSettings settings) {
        this.settings = settings;
    }

    @Override
    public Detector load(EdgeModel model) throws IOException {
        OpenCvDetector detector = OpenCvDetector.load("model v" + model.version(),
                model.cfgText().getBytes(StandardCharsets.UTF_8), model.weights(), model.names(), settings);
        try {
            detector.warmUp();
        } catch (RuntimeException e) {
            detector.close();
            throw new IOException("model v" + model.version() + ": warm-up failed: " + e.getMessage(), e);
        }
        return detector;
    }
}
