package io.acai.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.acai.detection.darknet.ConvolutionalLayer;

/**
 * One darknet {@code [convolutional]} layer: {@link Conv2d} (with a bias only when there is no batch
 * normalisation), then {@link BatchNorm} when the cfg says {@code batch_normalize=1}, then the
 * activation. Kernels are OIHW, darknet's own order.
 */
public final class ConvolutionBlock extends AbstractBlock {

    /** The epsilon OpenCV's darknet importer normalises with; DJL must use the same for the two to agree. */
    public static final float BATCH_NORM_EPSILON = 1e-6f;

    /**
     * Darknet's batch-norm momentum: it keeps .99 of its rolling mean and variance per step. DJL's
     * momentum is that same share of the old running statistics (PyTorch's is one minus it).
     */
    public static final float DARKNET_BATCH_NORM_MOMENTUM = 0.99f;

    private static final byte VERSION = 1;

    private final ConvolutionalLayer layer;
    private final Conv2d convolution;
    private final BatchNorm batchNorm;
    private boolean batchNormStatisticsFixed;

    /** Refuses a batch-norm momentum outside (0, 1), naming it. */
    static void requireMomentum(float batchNormMomentum) {
        if (!(batchNormMomentum > 0 && batchNormMomentum < 1)) {
            throw new IllegalArgumentException("batchNormMomentum: " + batchNormMomentum + " (expected: > 0 and < 1)");
        }
    }

    ConvolutionBlock(ConvolutionalLayer layer, float batchNormMomentum) {
        super(VERSION);
        this.layer = layer;
        convolution = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(layer.size(), layer.size()))
                .setFilters(layer.filters())
                .optStride(new Shape(layer.stride(), layer.stride()))
                .optPadding(new Shape(layer.padding(), layer.padding()))
                .optGroups(layer.groups())
                .optBias(!layer.batchNormalize())
                .build());
        batchNorm = layer.batchNormalize()
                ? addChildBlock("bn", BatchNorm.builder()
                        .optAxis(1)
                        .optEpsilon(BATCH_NORM_EPSILON)
                        .optMomentum(batchNormMomentum)
                        .build())
                : null;
    }

    /**
     * Normalises with the running mean and variance while training too, and never updates them (what
     * detectron calls a frozen batch norm): scale and shift still learn. Fine-tuning on small batches of a
     * new domain then keeps the statistics the rest of the weights were trained with.
     */
    public void fixBatchNormStatistics() {
        batchNormStatisticsFixed = true;
    }

    /** Undoes {@link #fixBatchNormStatistics()}: training normalises with batch statistics and updates the running ones. */
    public void followBatchNormStatistics() {
        batchNormStatisticsFixed = false;
    }

    public ConvolutionalLayer layer() {
        return layer;
    }

    /** The kernel, shape (filters, in / groups, size, size). */
    public Parameter kernel() {
        return convolution.getParameters().get("weight");
    }

    /** The convolution's bias; only layers without batch normalisation have one. */
    public Parameter bias() {
        requireNoBatchNorm();
        return convolution.getParameters().get("bias");
    }

    public Parameter gamma() {
        return requireBatchNorm().getParameters().get("gamma");
    }

    public Parameter beta() {
        return requireBatchNorm().getParameters().get("beta");
    }

    public Parameter runningMean() {
        return requireBatchNorm().getParameters().get("runningMean");
    }

    public Parameter runningVariance() {
        return requireBatchNorm().getParameters().get("runningVar");
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = convolution.forward(parameterStore, inputs, training, params).singletonOrThrow();
        if (batchNorm != null) {
            NDArray normalised = batchNorm.forward(parameterStore, new NDList(x),
                    training && !batchNormStatisticsFixed, params).singletonOrThrow();
            if (!training) {
                x.close(); // inference keeps no graph: free the raw convolution at once
            }
            x = normalised;
        }
        NDArray y = DarknetActivation.apply(x, layer.activation());
        if (!training && y != x) {
            x.close();
        }
        return new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return convolution.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        convolution.initialize(manager, dataType, inputShapes);
        if (batchNorm != null) {
            batchNorm.initialize(manager, dataType, convolution.getOutputShapes(inputShapes));
        }
    }

    private BatchNorm requireBatchNorm() {
        if (batchNorm == null) {
            throw new IllegalStateException("layer at line " + layer.line() + " has no batch_normalize");
        }
        return batchNorm;
    }

    private void requireNoBatchNorm() {
        if (batchNorm != null) {
            throw new IllegalStateException("layer at line " + layer.line()
                    + " has batch_normalize: its bias is the batch norm's beta");
        }
    }
}
