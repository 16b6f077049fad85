package io.acai.detection.darknet;

/** {@code [upsample]}: nearest-neighbour upsampling by an integer {@code stride}. */
public record UpsampleLayer(int line, int stride) implements Layer {
}
