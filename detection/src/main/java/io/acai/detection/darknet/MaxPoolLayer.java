package io.acai.detection.darknet;

/**
 * {@code [maxpool]}: {@code padding} is darknet's total padding (default {@code size - 1}), of which
 * {@code padding / 2} goes before and the rest after, so that size 2 stride 1 keeps the spatial size
 * by padding only the right and bottom edges. Output size is {@code (in + padding - size) / stride + 1}.
 */
public record MaxPoolLayer(int line, int size, int stride, int padding) implements Layer {
}
