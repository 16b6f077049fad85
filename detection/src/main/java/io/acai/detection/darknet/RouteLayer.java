package io.acai.detection.darknet;

import java.util.List;

/**
 * {@code [route]}: concatenates the outputs of {@code layers} (absolute indexes) along channels, then
 * keeps the {@code groupId}-th of {@code groups} equal channel slices (groups 1 keeps everything).
 */
public record RouteLayer(int line, List<Integer> layers, int groups, int groupId) implements Layer {

    public RouteLayer {
        layers = List.copyOf(layers);
    }
}
