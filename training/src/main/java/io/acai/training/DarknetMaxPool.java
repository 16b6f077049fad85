package io.acai.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import io.acai.detection.darknet.MaxPoolLayer;

/**
 * darknet's {@code [maxpool]}: of the total padding {@code p}, {@code p / 2} goes on the left and top
 * and the rest on the right and bottom, filled with minus infinity so that padding never wins (size
 * 2 stride 1 therefore pads only the right and bottom edges and keeps the size). OpenCV's importer
 * pads the same way ({@code pad_l = floor(p / 2)}, {@code pad_r = ceil(p / 2)}).
 */
final class DarknetMaxPool {

    private DarknetMaxPool() {
    }

    static NDArray forward(NDArray x, MaxPoolLayer layer, boolean training) {
        int before = layer.padding() / 2;
        int after = layer.padding() - before;
        NDArray padded = layer.padding() == 0 ? x
                // the last axis first: (left, right, top, bottom)
                : x.pad(new Shape(before, after, before, after), Double.NEGATIVE_INFINITY);
        NDArray pooled = Pool.maxPool2d(padded, new Shape(layer.size(), layer.size()),
                new Shape(layer.stride(), layer.stride()), new Shape(0, 0), false);
        if (padded != x && !training) {
            padded.close();
        }
        return pooled;
    }
}
