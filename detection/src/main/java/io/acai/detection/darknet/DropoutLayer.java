package io.acai.detection.darknet;

/** {@code [dropout]}: identity at inference; drops with {@code probability} while training. */
public record DropoutLayer(int line, double probability) implements Layer {
}
