package io.acai.detection.darknet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A parsed darknet network definition: the {@code [net]} section and the layers in file order.
 * {@link #shapes()} gives every layer's output shape, which the weights reader and the DJL network
 * builder both rely on.
 *
 * @param source the cfg file it was read from, for messages
 */
public record DarknetConfig(Path source, NetSection net, List<Layer> layers) {

    public DarknetConfig {
        layers = List.copyOf(layers);
    }

    /** Parses a cfg file; see {@link CfgParser} for the accepted sections and options. */
    public static DarknetConfig read(Path cfg) throws IOException {
        return CfgParser.parse(cfg);
    }

    /** Parses cfg text; {@code source} names it in the config and in error messages. */
    public static DarknetConfig parse(Path source, String text) throws CfgException {
        return CfgParser.parse(source, text);
    }

    /** The output shape of every layer, computed from the input size in {@code [net]}. */
    public List<LayerShape> shapes() {
        List<LayerShape> shapes = new ArrayList<>(layers.size());
        LayerShape previous = new LayerShape(net.channels(), net.height(), net.width());
        for (Layer layer : layers) {
            LayerShape shape = shapeOf(layer, previous, shapes);
            shapes.add(shape);
            previous = shape;
        }
        return shapes;
    }

    /** The input shape of every layer (the previous layer's output, or the image for the first). */
    public LayerShape inputShape(int index) {
        return index == 0 ? new LayerShape(net.channels(), net.height(), net.width()) : shapes().get(index - 1);
    }

    /** Indexes of the {@code [yolo]} layers, in order. */
    public List<Integer> yoloLayerIndexes() {
        return IntStream.range(0, layers.size()).filter(i -> layers.get(i) instanceof YoloLayer).boxed().toList();
    }

    public List<YoloLayer> yoloLayers() {
        return yoloLayerIndexes().stream().map(i -> (YoloLayer) layers.get(i)).toList();
    }

    /** The number of classes the heads predict (the same in every {@code [yolo]} section). */
    public int classes() {
        return yoloLayers().stream().mapToInt(YoloLayer::classes).findFirst().orElse(0);
    }

    private static LayerShape shapeOf(Layer layer, LayerShape in, List<LayerShape> done) {
        if (layer instanceof ConvolutionalLayer conv) {
            int h = (in.height() + 2 * conv.padding() - conv.size()) / conv.stride() + 1;
            int w = (in.width() + 2 * conv.padding() - conv.size()) / conv.stride() + 1;
            return new LayerShape(conv.filters(), h, w);
        }
        if (layer instanceof MaxPoolLayer pool) {
            int h = (in.height() + pool.padding() - pool.size()) / pool.stride() + 1;
            int w = (in.width() + pool.padding() - pool.size()) / pool.stride() + 1;
            return new LayerShape(in.channels(), h, w);
        }
        if (layer instanceof RouteLayer route) {
            LayerShape first = done.get(route.layers().get(0));
            int channels = route.layers().stream().mapToInt(i -> done.get(i).channels()).sum();
            return new LayerShape(channels / route.groups(), first.height(), first.width());
        }
        if (layer instanceof UpsampleLayer up) {
            return new LayerShape(in.channels(), in.height() * up.stride(), in.width() * up.stride());
        }
        return in; // shortcut, dropout and yolo keep their input's shape
    }
}
