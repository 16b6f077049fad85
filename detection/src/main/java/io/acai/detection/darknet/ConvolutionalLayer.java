package io.acai.detection.darknet;

/**
 * {@code [convolutional]}: {@code padding} is in pixels on each side ({@code pad=1} means
 * {@code size / 2}); {@code groups} > 1 is a grouped (depthwise when equal to the input channels)
 * convolution. Without batch normalisation the layer has a bias.
 */
public record ConvolutionalLayer(int line, int filters, int size, int stride, int padding, int groups,
        boolean batchNormalize, Activation activation) implements Layer {
}
