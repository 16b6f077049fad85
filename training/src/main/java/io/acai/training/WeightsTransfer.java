package io.acai.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.acai.detection.darknet.ConvolutionParams;
import io.acai.detection.darknet.DarknetWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves darknet weights in and out of an initialised {@link DarknetBlock}: per {@code [convolutional]},
 * the kernel (OIHW in both), and either the convolution's bias or the batch norm's gamma (darknet's
 * scales), beta (darknet's biases), running mean and running variance. Values are copied exactly, so
 * {@code fromBlock(toBlock(w))} gives back {@code w}'s arrays bit for bit.
 */
public final class WeightsTransfer {

    private WeightsTransfer() {
    }

    /**
     * Copies {@code weights} into the block's parameters, on whatever device they live.
     *
     * @throws IllegalStateException when the block is not initialised yet
     * @throws IllegalArgumentException when the weights do not fit the block's layers, naming the layer
     */
    public static void toBlock(DarknetWeights weights, DarknetBlock block) {
        requireInitialised(block);
        Map<Integer, ConvolutionBlock> convolutions = block.convolutions();
        List<ConvolutionParams> params = weights.convolutions();
        if (params.size() != convolutions.size()) {
            throw new IllegalArgumentException("weights for " + params.size() + " convolutions, but "
                    + block.config().source() + " has " + convolutions.size());
        }
        for (ConvolutionParams p : params) {
            ConvolutionBlock conv = convolutions.get(p.layer());
            if (conv == null) {
                throw new IllegalArgumentException("weights for layer " + p.layer() + ", which is not a convolution in "
                        + block.config().source());
            }
            if (p.batchNormalize() != conv.layer().batchNormalize()) {
                throw new IllegalArgumentException("layer " + p.layer() + ": weights " + (p.batchNormalize()
                        ? "have" : "lack") + " batch norm arrays, the cfg says batch_normalize="
                        + (conv.layer().batchNormalize() ? 1 : 0));
            }
            copy(p.layer(), "kernel", p.kernel(), conv.kernel());
            if (p.batchNormalize()) {
                copy(p.layer(), "scales", p.scales(), conv.gamma());
                copy(p.layer(), "biases", p.biases(), conv.beta());
                copy(p.layer(), "rolling_mean", p.rollingMean(), conv.runningMean());
                copy(p.layer(), "rolling_variance", p.rollingVariance(), conv.runningVariance());
            } else {
                copy(p.layer(), "biases", p.biases(), conv.bias());
            }
        }
    }

    /** Reads the block's parameters back as darknet weights with the given header. */
    public static DarknetWeights fromBlock(DarknetBlock block, DarknetWeights.Header header) {
        requireInitialised(block);
        List<ConvolutionParams> params = new ArrayList<>();
        for (Map.Entry<Integer, ConvolutionBlock> entry : block.convolutions().entrySet()) {
            ConvolutionBlock conv = entry.getValue();
            float[] kernel = floats(conv.kernel());
            if (conv.layer().batchNormalize()) {
                params.add(new ConvolutionParams(entry.getKey(), floats(conv.beta()), floats(conv.gamma()),
                        floats(conv.runningMean()), floats(conv.runningVariance()), kernel));
            } else {
                params.add(new ConvolutionParams(entry.getKey(), floats(conv.bias()), null, null, null, kernel));
            }
        }
        return new DarknetWeights(header, params);
    }

    private static void copy(int layer, String name, float[] values, Parameter parameter) {
        NDArray array = parameter.getArray();
        if (array.size() != values.length) {
            throw new IllegalArgumentException("layer " + layer + " " + name + ": " + values.length
                    + " floats (expected: " + array.size() + " for shape " + array.getShape() + ")");
        }
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("layer " + layer + " " + name + ": block holds "
                    + array.getDataType() + " (expected: float32)");
        }
        array.set(values);
    }

    private static float[] floats(Parameter parameter) {
        return parameter.getArray().toFloatArray();
    }

    private static void requireInitialised(DarknetBlock block) {
        if (!block.isInitialized()) {
            throw new IllegalStateException("block for " + block.config().source()
                    + " is not initialised (call initialize(manager, FLOAT32, block.inputShape(1)) first)");
        }
    }
}
