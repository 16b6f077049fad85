package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.detection.darknet.LayerShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Head shapes for every shared cfg, parameter counts, and what training mode changes. */
class DarknetBlockTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"data/darknet/cfg/yolov3-tiny.cfg", "data/darknet/cfg/yolov3.cfg",
        "data/darknet/cfg/yolov3-voc.cfg", "data/yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1.cfg",
        "data/yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1-xl.cfg",
        "data/yolo-fastest/yolo-fastest-1.0_voc/yolo-fastest.cfg",
        "data/yolo-fastest/yolo-fastest-1.0_voc/yolo-fastest-xl.cfg"})
    void headShapesFollowTheCfg(String cfgPath) throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve(cfgPath));
        DarknetBlock block = DarknetBlock.of(cfg);

        Shape[] heads = block.getOutputShapes(new Shape[] {block.inputShape(2)});

        List<LayerShape> shapes = cfg.shapes();
        List<Integer> yolos = cfg.yoloLayerIndexes();
        assertThat(heads).hasSize(yolos.size());
        for (int h = 0; h < heads.length; h++) {
            LayerShape expected = shapes.get(yolos.get(h));
            assertThat(heads[h]).isEqualTo(new Shape(2, expected.channels(), expected.height(), expected.width()));
            assertThat(expected.channels()).isEqualTo(cfg.yoloLayers().get(h).mask().size() * (5 + cfg.classes()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"data/darknet/cfg/yolov3-tiny.cfg",
        "data/yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1.cfg"})
    void forwardGivesTheHeadsAndHoldsEveryWeight(String cfgPath) throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve(cfgPath));
        DarknetBlock block = DarknetBlock.of(cfg);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            block.initialize(manager, DataType.FLOAT32, block.inputShape(2));
            long parameters = block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            assertThat(parameters).isEqualTo(DarknetWeights.floatCount(cfg));

            NDArray input = manager.randomUniform(0, 1, block.inputShape(2));
            NDList heads = block.forward(new ParameterStore(manager, false), new NDList(input), false);

            assertThat(heads.getShapes()).containsExactly(block.getOutputShapes(new Shape[] {block.inputShape(2)}));
            assertThat(input.toFloatArray()).hasSize((int) block.inputShape(2).size()); // input left open
        }
    }

    @Test
    void everyTrainableParameterGetsAGradient() throws IOException {
        DarknetConfig cfg = DarknetConfig.read(
                SharedData.resolve("data/yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1.cfg"));
        DarknetBlock block = DarknetBlock.of(cfg);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            Shape small = new Shape(2, 3, 96, 96);
            block.initialize(manager, DataType.FLOAT32, small);
            WeightsTransfer.toBlock(DarknetWeights.initial(cfg, 4), block);
            NDArray input = manager.randomUniform(0, 1, small);

            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDList heads = block.forward(new ParameterStore(manager, false), new NDList(input), true);
                assertThat(heads.getShapes()).containsExactly(new Shape(2, 255, 3, 3), new Shape(2, 255, 6, 6));
                NDArray loss = heads.get(0).square().sum().add(heads.get(1).square().sum());
                collector.backward(loss);
            }

            for (Pair<String, Parameter> parameter : block.getParameters()) {
                if (parameter.getValue().requiresGradient()) {
                    NDArray gradient = parameter.getValue().getArray().getGradient();
                    assertThat(gradient.abs().sum().getFloat()).as(parameter.getKey()).isGreaterThan(0f);
                }
            }
        }
    }

    @Test
    void otherInputSizesScaleTheHeads() throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg"));
        DarknetBlock block = DarknetBlock.of(cfg);

        assertThat(block.getOutputShapes(new Shape[] {new Shape(1, 3, 320, 320)}))
                .containsExactly(new Shape(1, 255, 10, 10), new Shape(1, 255, 20, 20));
        assertThatThrownBy(() -> block.getOutputShapes(new Shape[] {new Shape(1, 1, 320, 320)}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input shape (1, 1, 320, 320) (expected: (N, 3, height, width))");
    }

    @Test
    void dropoutAndBatchStatisticsOnlyInTraining() throws IOException {
        Path cfgFile = temp.resolve("dropout.cfg");
        Files.writeString(cfgFile, """
                [net]
                width=32
                height=32
                channels=3

                [convolutional]
                batch_normalize=1
                filters=8
                size=3
                stride=1
                pad=1
                activation=leaky

                [dropout]
                probability=.5

                [convolutional]
                size=1
                stride=1
                pad=1
                filters=6
                activation=linear

                [yolo]
                mask=0
                anchors=10,10
                classes=1
                num=1
                """);
        DarknetConfig cfg = DarknetConfig.read(cfgFile);
        DarknetBlock block = DarknetBlock.of(cfg);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            block.initialize(manager, DataType.FLOAT32, block.inputShape(2));
            WeightsTransfer.toBlock(DarknetWeights.initial(cfg, 9), block);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray input = manager.randomUniform(0, 1, block.inputShape(2));
            NDArray runningMean = block.convolutions().get(0).runningMean().getArray();

            float[] eval1 = block.forward(store, new NDList(input), false).head().toFloatArray();
            float[] eval2 = block.forward(store, new NDList(input), false).head().toFloatArray();
            assertThat(runningMean.toFloatArray()).containsOnly(0f);
            float[] train1 = block.forward(store, new NDList(input), true).head().toFloatArray();
            float[] meanAfterOneStep = runningMean.toFloatArray();
            float[] train2 = block.forward(store, new NDList(input), true).head().toFloatArray();

            assertThat(eval2).containsExactly(eval1);
            assertThat(train2).isNotEqualTo(train1); // dropout draws a new mask every pass
            assertThat(meanAfterOneStep).isNotEqualTo(new float[8]);
            // darknet's rolling mean keeps .99 of the old value: one step from 0 moves it by .01 x the batch mean
            NDArray convolved = firstConvolution(block, input);
            float[] batchMean = convolved.mean(new int[] {3}).mean(new int[] {2}).mean(new int[] {0}).toFloatArray();
            for (int c = 0; c < 8; c++) {
                assertThat(meanAfterOneStep[c]).isCloseTo(0.01f * batchMean[c], offset(1e-6f));
            }
        }
    }

    /** The first layer's raw convolution (no bias under batch norm), to check the running mean against. */
    private static NDArray firstConvolution(DarknetBlock block, NDArray input) {
        NDArray kernel = block.convolutions().get(0).kernel().getArray();
        return Conv2d.conv2d(input, kernel, null, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
    }
}
