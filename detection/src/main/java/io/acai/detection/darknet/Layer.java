package io.acai.detection.darknet;

/**
 * One section of a darknet {@code .cfg} after {@code [net]}, in file order. Layer indexes are
 * 0-based positions in {@link DarknetConfig#layers()}, as darknet and OpenCV count them.
 */
public sealed interface Layer
        permits ConvolutionalLayer, MaxPoolLayer, RouteLayer, ShortcutLayer, UpsampleLayer, DropoutLayer, YoloLayer {

    /** The 1-based line of the section header in the cfg file, for error messages. */
    int line();
}
