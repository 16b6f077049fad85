package io.acai.training;

import ai.djl.ndarray.NDArray;
import io.acai.detection.darknet.UpsampleLayer;

/** darknet's {@code [upsample]}: nearest neighbour, every pixel repeated {@code stride} times along H and W. */
final class DarknetUpsample {

    private DarknetUpsample() {
    }

    static NDArray forward(NDArray x, UpsampleLayer layer) {
        return layer.stride() == 1 ? x : x.repeat(2, layer.stride()).repeat(3, layer.stride());
    }
}
