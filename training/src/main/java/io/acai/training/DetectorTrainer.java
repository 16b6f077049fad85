package io.acai.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import io.acai.detection.ClassNames;
import io.acai.detection.InputTensor;
import io.acai.detection.LabeledFrame;
import io.acai.detection.Letterbox;
import io.acai.detection.darknet.ConvolutionalLayer;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.darknet.Layer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * (Re)trains a darknet detector with DJL: the network rebuilt from its cfg ({@link DarknetBlock}),
 * the given darknet weights loaded into it, then {@code epochs} passes over the frames in a seeded
 * shuffled order, {@code batchSize} frames per Adam step on the {@link YoloLoss}, and the weights
 * written back in darknet format. The caller's weight bytes are never modified.
 *
 * <p>Frames are letterboxed with {@link InputTensor}, the same preprocessing as OpenCV inference.
 * With {@code freezeBackbone}, the parameters of every convolution before the one that feeds the
 * first {@code [yolo]} head stay fixed (for yolov3-tiny, layers 0 to 14: darknet's
 * {@code yolov3-tiny.conv.15}); their batch-norm running statistics still follow the new data.
 * Every step's arrays live in their own {@link NDManager}, closed after the step.
 *
 * <p>Options for continual learning ({@link TrainingSettings}): a warm-up and cosine learning-rate schedule and a
 * higher rate for the head ({@link LearningRateSchedule}), a re-estimation of the batch-norm statistics after the
 * last epoch (AdaBN), and, per call, knowledge distillation against a teacher on chosen frames
 * ({@link Distillation}).
 */
public final class DetectorTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DetectorTrainer.class);

    /** Long epochs log their running loss every this many steps. */
    private static final int PROGRESS_STEPS = 25;

    private final DarknetConfig cfg;
    private final TrainingSettings settings;
    private final YoloLoss loss = new YoloLoss();

    private volatile boolean stopped;

    /**
     * @throws IllegalArgumentException when the names do not match the cfg's class count
     */
    public DetectorTrainer(DarknetConfig cfg, ClassNames names, TrainingSettings settings) {
        if (names.size() != cfg.classes()) {
            throw new IllegalArgumentException("names: " + names.size() + " classes " + names + ", but "
                    + cfg.source() + " has classes=" + cfg.classes());
        }
        DarknetBlock.of(cfg); // fails early on a cfg the block cannot build
        this.cfg = cfg;
        this.settings = settings;
    }

    /**
     * Ends the training in progress at its next step, and every later one at its first, with an
     * {@link java.io.InterruptedIOException}: for an app that shuts down. (Interrupting the training's thread
     * also ends it at its next step, unless something on the way clears the thread's interrupt flag.)
     */
    public void stop() {
        stopped = true;
    }

    public TrainingResult train(byte[] darknetWeights, List<LabeledFrame> frames) throws IOException {
        return train(darknetWeights, frames, report -> { });
    }

    /**
     * Trains and returns the new weights; {@code onEpoch} hears about every finished epoch.
     *
     * @throws IOException when the weights do not fit the cfg
     * @throws IllegalArgumentException when there are no frames or an object's class is out of range
     */
    public TrainingResult train(byte[] darknetWeights, List<LabeledFrame> frames, Consumer<EpochReport> onEpoch)
            throws IOException {
        return train(darknetWeights, frames, null, onEpoch);
    }

    /**
     * Trains with knowledge distillation on some of the frames (none when {@code distillation} is null) and
     * returns the new weights; {@code onEpoch} hears about every finished epoch.
     *
     * @throws IOException when the weights or the teacher's weights do not fit the cfg
     * @throws IllegalArgumentException when there are no frames or an object's class is out of range
     */
    public TrainingResult train(byte[] darknetWeights, List<LabeledFrame> frames, Distillation distillation,
            Consumer<EpochReport> onEpoch) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("frames: none (expected: at least one labeled frame)");
        }
        DarknetWeights initial = DarknetWeights.decode(darknetWeights, cfg, "weights for " + cfg.source());
        Device device = settings.device().resolve();
        long start = System.nanoTime();
        Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
        DarknetBlock block = DarknetBlock.of(cfg, settings.batchNormMomentum());
        try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
            block.initialize(manager, DataType.FLOAT32, block.inputShape(settings.batchSize()));
            WeightsTransfer.toBlock(initial, block);
            DarknetBlock teacher = null;
            if (distillation != null) {
                teacher = DarknetBlock.of(cfg);
                teacher.initialize(manager, DataType.FLOAT32, teacher.inputShape(settings.batchSize()));
                WeightsTransfer.toBlock(DarknetWeights.decode(distillation.teacherWeights(), cfg,
                        "teacher weights for " + cfg.source()), teacher);
                teacher.freezeParameters(true);
            }
            int frozen = freezeBackbone(block);
            if (settings.fixedBatchNorm()) {
                block.convolutions().values().forEach(ConvolutionBlock::fixBatchNormStatistics);
            }
            int totalSteps = settings.epochs() * ((frames.size() + settings.batchSize() - 1) / settings.batchSize());
            Optimizer optimizer = Optimizer.adam()
                    .optLearningRateTracker(new LearningRateSchedule(settings.learningRate(),
                            settings.headLearningRateFactor(), headParameters(block), settings.warmUpCosine(),
                            totalSteps))
                    .optClipGrad(10f)
                    .build();
            ParameterStore store = new ParameterStore(manager, false);
            LOG.info("training {} on {}: {} frames, {} epochs, batch {}, Adam lr {}{}", cfg.source().getFileName(),
                    device, frames.size(), settings.epochs(), settings.batchSize(), settings.learningRate(),
                    (frozen > 0 ? ", " + frozen + " backbone convolutions frozen" : "")
                            + (settings.fixedBatchNorm() ? ", batch-norm statistics fixed" : "")
                            + (settings.warmUpCosine() ? ", warm-up and cosine decay" : "")
                            + (settings.headLearningRateFactor() != 1f ? ", head lr x" + settings.headLearningRateFactor() : "")
                            + (settings.recalibrateBatchNorm() ? ", batch-norm statistics re-estimated after" : "")
                            + (distillation != null ? ", " + distillation.frames().size() + " frames distilled" : ""));

            Random random = new Random(settings.seed());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                order.add(i);
            }
            List<Float> epochLosses = new ArrayList<>();
            int images = 0;
            int steps = 0;
            ExecutorService loader = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "training-batch-loader");
                thread.setDaemon(true);
                return thread;
            });
            try {
                for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                    Collections.shuffle(order, random);
                    List<List<Integer>> batches = new ArrayList<>();
                    for (int from = 0; from < order.size(); from += settings.batchSize()) {
                        batches.add(List.copyOf(order.subList(from, Math.min(order.size(), from + settings.batchSize()))));
                    }
                    double sum = 0;
                    int epochSteps = 0;
                    Future<PreparedBatch> next = loader.submit(() -> prepare(frames, batches.get(0), distillation));
                    for (int b = 0; b < batches.size(); b++) {
                        if (stopped || Thread.currentThread().isInterrupted()) {
                            throw new java.io.InterruptedIOException("training " + (stopped ? "stopped" : "interrupted")
                                    + " in epoch " + epoch + " after " + steps + " steps");
                        }
                        PreparedBatch batch = await(next);
                        if (b + 1 < batches.size()) {
                            List<Integer> following = batches.get(b + 1);
                            next = loader.submit(() -> prepare(frames, following, distillation));
                        }
                        float loss = step(block, teacher, distillation == null ? 0f : distillation.weight(), store,
                                manager, optimizer, batch);
                        if (!Float.isFinite(loss)) {
                            throw new IllegalStateException("loss is " + loss + " at step " + (b + 1) + " of "
                                    + batches.size() + " in epoch " + epoch + ", " + (finite(block)
                                    ? "from finite weights: this batch's forward pass overflowed"
                                    : "from weights not all finite: the starting ones, or an earlier step diverged")
                                    + " (try a lower learning rate)");
                        }
                        sum += loss;
                        epochSteps++;
                        if (batches.size() >= 4 * PROGRESS_STEPS && epochSteps % PROGRESS_STEPS == 0) {
                            LOG.info("epoch {} step {}/{} mean loss {}", epoch, epochSteps, batches.size(),
                                    String.format(java.util.Locale.ROOT, "%.4f", sum / epochSteps));
                        }
                        steps++;
                        images += batch.size();
                    }
                    float mean = (float) (sum / epochSteps);
                    epochLosses.add(mean);
                    EpochReport report = new EpochReport(epoch, settings.epochs(), mean, images,
                            Duration.ofNanos(System.nanoTime() - start));
                    LOG.info("{}", report);
                    onEpoch.accept(report);
                }
                if (settings.recalibrateBatchNorm()) {
                    recalibrateBatchNorm(block, store, manager, frames, order);
                }
            } finally {
                loader.shutdownNow();
            }
            DarknetWeights.Header header = initial.header();
            DarknetWeights trained = WeightsTransfer.fromBlock(block, new DarknetWeights.Header(header.major(),
                    header.minor(), header.revision(), header.seen() + images));
            return new TrainingResult(trained.encode(), epochLosses, device.toString(),
                    Duration.ofNanos(System.nanoTime() - start), images, steps);
        }
    }

    /** One optimiser step on one prepared batch; returns its loss. */
    private float step(DarknetBlock block, DarknetBlock teacher, float distillationWeight, ParameterStore store,
            NDManager parent, Optimizer optimizer, PreparedBatch batch) {
        float value;
        try (NDManager step = parent.newSubManager()) {
            NDArray input = step.create(batch.pixels(), block.inputShape(batch.size()));
            // the teacher normalises as the student does: with the batch's statistics, or with fixed running ones
            NDList taught = batch.distilled() == null ? null
                    : teacher.forward(store, new NDList(input), !settings.fixedBatchNorm());
            try (GradientCollector collector = step.getEngine().newGradientCollector()) {
                NDList heads = block.forward(store, new NDList(input), true);
                NDArray total = loss.evaluate(heads, batch.targets());
                if (taught != null) {
                    total = total.add(Distillation.term(heads, taught, batch.distilled(), cfg.classes(), distillationWeight));
                }
                value = total.getFloat();
                if (!Float.isFinite(value)) {
                    return value; // no step: the caller reports it with the step's place and the weights' state
                }
                collector.backward(total);
            }
            update(block, optimizer);
        }
        return value;
    }

    /**
     * Whether every learned parameter of the block is finite (no NaN, no infinity). The batch-norm running statistics
     * are left out: the failed step's forward pass has already updated them.
     */
    private static boolean finite(DarknetBlock block) {
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter.Type type = entry.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                continue;
            }
            NDArray array = entry.getValue().getArray();
            if (array.isNaN().any().getBoolean() || array.isInfinite().any().getBoolean()) {
                return false;
            }
        }
        return true;
    }

    /**
     * AdaBN: one pass over the frames in training mode without gradient steps, so that every batch norm's
     * running mean and variance follow the frames as the trained weights see them (at the block's momentum,
     * the last batches weigh most; the order is the last epoch's).
     */
    private void recalibrateBatchNorm(DarknetBlock block, ParameterStore store, NDManager parent,
            List<LabeledFrame> frames, List<Integer> order) {
        block.convolutions().values().forEach(ConvolutionBlock::followBatchNormStatistics);
        for (int from = 0; from < order.size(); from += settings.batchSize()) {
            PreparedBatch batch = prepare(frames, order.subList(from, Math.min(order.size(), from + settings.batchSize())),
                    null);
            try (NDManager step = parent.newSubManager()) {
                NDArray input = step.create(batch.pixels(), block.inputShape(batch.size()));
                block.forward(store, new NDList(input), true);
            }
        }
    }

    /** The ids of the head's parameters: every convolution's from {@link #firstHeadConvolution} on. */
    private Set<String> headParameters(DarknetBlock block) {
        Set<String> ids = new HashSet<>();
        int boundary = firstHeadConvolution(cfg);
        for (Map.Entry<Integer, ConvolutionBlock> entry : block.convolutions().entrySet()) {
            if (entry.getKey() >= boundary) {
                entry.getValue().getParameters().forEach(pair -> ids.add(pair.getValue().getId()));
            }
        }
        return ids;
    }

    /** The frames of one batch, letterboxed, with their targets: built on the loader thread. */
    private PreparedBatch prepare(List<LabeledFrame> frames, List<Integer> indexes, Distillation distillation) {
        List<LabeledFrame> batch = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            batch.add(frames.get(index));
        }
        float[] distilled = null;
        if (distillation != null) {
            float[] marks = new float[batch.size()];
            boolean any = false;
            for (int i = 0; i < batch.size(); i++) {
                boolean covered = distillation.frames().contains(batch.get(i));
                marks[i] = covered ? 1f : 0f;
                any |= covered;
            }
            distilled = any ? marks : null;
        }
        return new PreparedBatch(pixels(batch), YoloTargets.build(cfg, batch), batch.size(), distilled);
    }

    private static PreparedBatch await(Future<PreparedBatch> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("loading a batch failed: " + e.getCause(), e.getCause());
        }
    }

    /** {@code distilled}: 1 for the images {@link Distillation} covers, 0 for the others; null when none is. */
    private record PreparedBatch(float[] pixels, List<YoloTargets> targets, int size, float[] distilled) {
    }

    private static void update(DarknetBlock block, Optimizer optimizer) {
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(parameter.getId(), weight, gradient);
                gradient.subi(gradient); // PyTorch accumulates gradients: start the next step from zero
            }
        }
    }

    private float[] pixels(List<LabeledFrame> batch) {
        int width = cfg.net().width();
        int height = cfg.net().height();
        int size = 3 * width * height;
        float[] pixels = new float[batch.size() * size];
        for (int n = 0; n < batch.size(); n++) {
            LabeledFrame frame = batch.get(n);
            InputTensor.chw(frame.image(), Letterbox.of(frame.width(), frame.height(), width, height), pixels,
                    n * size);
        }
        return pixels;
    }

    /** Freezes the backbone when the settings ask for it; returns how many convolutions were frozen. */
    private int freezeBackbone(DarknetBlock block) {
        if (!settings.freezeBackbone()) {
            return 0;
        }
        int boundary = firstHeadConvolution(cfg);
        int frozen = 0;
        for (Map.Entry<Integer, ConvolutionBlock> entry : block.convolutions().entrySet()) {
            if (entry.getKey() < boundary) {
                entry.getValue().freezeParameters(true);
                frozen++;
            }
        }
        return frozen;
    }

    /** The index of the last convolution before the first {@code [yolo]}: the first head's output layer. */
    static int firstHeadConvolution(DarknetConfig cfg) {
        int yolo = cfg.yoloLayerIndexes().get(0);
        List<Layer> layers = cfg.layers();
        for (int i = yolo - 1; i >= 0; i--) {
            if (layers.get(i) instanceof ConvolutionalLayer) {
                return i;
            }
        }
        return yolo;
    }
}
