package io.acai.detection.darknet;

import java.util.Map;

/**
 * The {@code [net]} section: input size and the training hyper-parameters darknet reads there.
 * {@code options} keeps every key as written, for settings this project does not interpret.
 */
public record NetSection(int width, int height, int channels, int batch, double learningRate, double momentum,
        double decay, Map<String, String> options) {

    public NetSection {
        options = Map.copyOf(options);
    }
}
