package io.acai.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.acai.detection.darknet.ConvolutionalLayer;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DropoutLayer;
import io.acai.detection.darknet.Layer;
import io.acai.detection.darknet.LayerShape;
import io.acai.detection.darknet.MaxPoolLayer;
import io.acai.detection.darknet.NetSection;
import io.acai.detection.darknet.RouteLayer;
import io.acai.detection.darknet.ShortcutLayer;
import io.acai.detection.darknet.UpsampleLayer;
import io.acai.detection.darknet.YoloLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A darknet network rebuilt as a DJL block from its cfg. The input is NCHW float RGB in [0, 1],
 * letterboxed to the cfg's width x height; the output holds one raw head per {@code [yolo]} layer, in
 * cfg order: the output of the layer before it, shape {@code (N, mask * (5 + classes), H, W)}, with
 * no sigmoid or exp applied. The layers form a DAG (route, shortcut), so every output is kept until
 * its last reader; at inference (not training) it is closed then.
 *
 * <p>Dropout is active only in training; batch norm uses batch statistics and updates its running
 * ones only in training. Works on whatever device the block was initialised on.
 */
public final class DarknetBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final DarknetConfig config;
    private final List<Layer> layers;
    private final Map<Integer, ConvolutionBlock> convolutions = new TreeMap<>();
    private final int[] lastReader;
    private final List<Integer> heads;

    private DarknetBlock(DarknetConfig config, float batchNormMomentum) {
        super(VERSION);
        this.config = config;
        this.layers = config.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ConvolutionalLayer conv) {
                convolutions.put(i, addChildBlock("layer" + i, new ConvolutionBlock(conv, batchNormMomentum)));
            }
        }
        this.heads = config.yoloLayerIndexes();
        this.lastReader = lastReaders(layers);
    }

    /** The network a cfg describes, with darknet's batch-norm momentum (.99). */
    public static DarknetBlock of(DarknetConfig config) {
        return of(config, ConvolutionBlock.DARKNET_BATCH_NORM_MOMENTUM);
    }

    /**
     * The network a cfg describes.
     *
     * @param batchNormMomentum share of the old running mean and variance every training step keeps, in (0, 1)
     * @throws IllegalArgumentException when the cfg has no {@code [yolo]} layer, or a multi-input
     *     {@code [route]} with groups whose inputs do not split evenly
     */
    public static DarknetBlock of(DarknetConfig config, float batchNormMomentum) {
        ConvolutionBlock.requireMomentum(batchNormMomentum);
        if (config.yoloLayerIndexes().isEmpty()) {
            throw new IllegalArgumentException(config.source() + ": no [yolo] layer (expected: at least one head)");
        }
        List<LayerShape> shapes = config.shapes();
        for (Layer layer : config.layers()) {
            if (layer instanceof RouteLayer route && route.groups() > 1) {
                for (int input : route.layers()) {
                    if (shapes.get(input).channels() % route.groups() != 0) {
                        throw new IllegalArgumentException(config.source() + ":" + route.line() + ": route layer "
                                + input + " has " + shapes.get(input).channels() + " channels (expected: a multiple"
                                + " of groups " + route.groups() + ")");
                    }
                }
            }
        }
        return new DarknetBlock(config, batchNormMomentum);
    }

    public DarknetConfig config() {
        return config;
    }

    /** The input shape for a batch of {@code batch} images at the cfg's size: (N, channels, height, width). */
    public Shape inputShape(int batch) {
        NetSection net = config.net();
        return new Shape(batch, net.channels(), net.height(), net.width());
    }

    /** The convolution blocks by layer index, in layer order. */
    public Map<Integer, ConvolutionBlock> convolutions() {
        return Collections.unmodifiableMap(convolutions);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray[] outputs = new NDArray[layers.size()];
        NDArray previous = input;
        for (int i = 0; i < layers.size(); i++) {
            outputs[i] = forwardLayer(i, previous, outputs, parameterStore, training, params);
            previous = outputs[i];
            if (!training) {
                release(i, input, outputs);
            }
        }
        NDList result = new NDList(heads.size());
        for (int head : heads) {
            result.add(outputs[head]);
        }
        return result;
    }

    private NDArray forwardLayer(int i, NDArray previous, NDArray[] outputs, ParameterStore parameterStore,
            boolean training, PairList<String, Object> params) {
        Layer layer = layers.get(i);
        if (layer instanceof ConvolutionalLayer) {
            return convolutions.get(i).forward(parameterStore, new NDList(previous), training, params)
                    .singletonOrThrow();
        }
        if (layer instanceof MaxPoolLayer pool) {
            return DarknetMaxPool.forward(previous, pool, training);
        }
        if (layer instanceof RouteLayer route) {
            return DarknetRoute.forward(route.layers().stream().map(j -> outputs[j]).toList(), route);
        }
        if (layer instanceof ShortcutLayer shortcut) {
            return DarknetActivation.apply(previous.add(outputs[shortcut.from()]), shortcut.activation());
        }
        if (layer instanceof UpsampleLayer upsample) {
            return DarknetUpsample.forward(previous, upsample);
        }
        if (layer instanceof DropoutLayer dropout) {
            return training ? Dropout.dropout(previous, (float) dropout.probability(), true).singletonOrThrow()
                    : previous;
        }
        if (layer instanceof YoloLayer) {
            return previous; // the raw head: decoding belongs to the loss and the detector
        }
        throw new IllegalStateException("unknown layer " + layer);
    }

    /** Closes the outputs whose last reader was layer {@code i}, unless a live slot holds the same array. */
    private void release(int i, NDArray input, NDArray[] outputs) {
        for (int j = 0; j <= i; j++) {
            if (lastReader[j] != i || outputs[j] == null || heads.contains(j)) {
                continue;
            }
            NDArray done = outputs[j];
            outputs[j] = null;
            if (done != input && !stillHeld(done, outputs)) {
                done.close();
            }
        }
    }

    private static boolean stillHeld(NDArray array, NDArray[] outputs) {
        for (NDArray output : outputs) {
            if (output == array) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        List<LayerShape> shapes = shapesFor(input);
        Shape[] result = new Shape[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            LayerShape shape = shapes.get(heads.get(h));
            result[h] = new Shape(input.get(0), shape.channels(), shape.height(), shape.width());
        }
        return result;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape input = inputShapes[0];
        List<LayerShape> shapes = shapesFor(input);
        for (Map.Entry<Integer, ConvolutionBlock> entry : convolutions.entrySet()) {
            int i = entry.getKey();
            LayerShape in = i == 0 ? new LayerShape((int) input.get(1), (int) input.get(2), (int) input.get(3))
                    : shapes.get(i - 1);
            entry.getValue().initialize(manager, dataType,
                    new Shape(input.get(0), in.channels(), in.height(), in.width()));
        }
    }

    /** Every layer's output shape for an input of the given size (the cfg's own size or another). */
    private List<LayerShape> shapesFor(Shape input) {
        if (input.dimension() != 4 || input.get(1) != config.net().channels()) {
            throw new IllegalArgumentException("input shape " + input + " (expected: (N, " + config.net().channels()
                    + ", height, width))");
        }
        NetSection net = config.net();
        NetSection sized = new NetSection((int) input.get(3), (int) input.get(2), net.channels(), net.batch(),
                net.learningRate(), net.momentum(), net.decay(), net.options());
        return new DarknetConfig(config.source(), sized, layers).shapes();
    }

    /** For every layer, the last layer that reads its output (itself when none does). */
    private static int[] lastReaders(List<Layer> layers) {
        int[] last = new int[layers.size()];
        Arrays.setAll(last, i -> i);
        for (int i = 0; i < layers.size(); i++) {
            for (int source : sources(layers.get(i), i)) {
                last[source] = Math.max(last[source], i);
            }
        }
        return last;
    }

    private static List<Integer> sources(Layer layer, int index) {
        List<Integer> sources = new ArrayList<>();
        if (layer instanceof RouteLayer route) {
            sources.addAll(route.layers());
        } else if (index > 0) {
            sources.add(index - 1);
            if (layer instanceof ShortcutLayer shortcut) {
                sources.add(shortcut.from());
            }
        }
        return sources;
    }
}
