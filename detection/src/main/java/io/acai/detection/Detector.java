package io.acai.detection;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds objects in an image. Implementations hold native resources: close them. */
public interface Detector extends AutoCloseable {

    /** Detections in image pixels, after confidence filtering and per-class non-maximum suppression. */
    List<Detection> detect(BufferedImage image);

    ClassNames classNames();

    @Override
    void close();
}
