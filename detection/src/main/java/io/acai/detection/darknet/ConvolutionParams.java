package io.acai.detection.darknet;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of one {@code [convolutional]} layer. With batch normalisation, {@code biases} are
 * its beta and {@code scales} its gamma; without, the three batch-norm arrays are {@code null} and
 * {@code biases} is the convolution's bias. {@code kernel} is {@code [filters][in/groups][size][size]},
 * the layout PyTorch and OpenCV use too.
 */
public record ConvolutionParams(int layer, float[] biases, float[] scales, float[] rollingMean,
        float[] rollingVariance, float[] kernel) {

    public boolean batchNormalize() {
        return scales != null;
    }

    /** The arrays in the order a {@code .weights} file stores them. */
    public List<float[]> inFileOrder() {
        List<float[]> arrays = new ArrayList<>();
        arrays.add(biases);
        if (batchNormalize()) {
            arrays.add(scales);
            arrays.add(rollingMean);
            arrays.add(rollingVariance);
        }
        arrays.add(kernel);
        return arrays;
    }

    public long floatCount() {
        return inFileOrder().stream().mapToLong(a -> a.length).sum();
    }
}
