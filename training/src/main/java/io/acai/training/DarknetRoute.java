package io.acai.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import io.acai.detection.darknet.RouteLayer;
import java.util.List;

/**
 * darknet's {@code [route]}: the {@code groupId}-th of {@code groups} channel slices of each input
 * (all of it when groups is 1), concatenated along channels in the order the cfg lists them. With a
 * single input this is the same as concatenating first and slicing after. A single whole input is
 * returned as it is, not copied.
 */
final class DarknetRoute {

    private DarknetRoute() {
    }

    static NDArray forward(List<NDArray> inputs, RouteLayer layer) {
        NDList parts = new NDList(inputs.size());
        for (NDArray input : inputs) {
            parts.add(slice(input, layer.groups(), layer.groupId()));
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
    }

    private static NDArray slice(NDArray input, int groups, int groupId) {
        if (groups == 1) {
            return input;
        }
        long channels = input.getShape().get(1) / groups;
        return input.get(new NDIndex(":, {}:{}", groupId * channels, (groupId + 1) * channels));
    }
}
