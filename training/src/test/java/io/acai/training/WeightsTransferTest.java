package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.acai.detection.SharedData;
import io.acai.detection.darknet.ConvolutionParams;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Darknet weights into a DJL block and back: exact, through a file too, with clear refusals. */
class WeightsTransferTest {

    @TempDir
    Path temp;

    private DarknetConfig cfg;

    @BeforeEach
    void readCfg() throws IOException {
        cfg = DarknetConfig.read(SharedData.projectRoot()
                .resolve("default-model/src/main/resources/io/acai/model/acai-shapes.cfg"));
    }

    @Test
    void weightsComeBackBitForBit() {
        DarknetWeights weights = distinctValues(DarknetWeights.initial(cfg, 3), 5);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            DarknetBlock block = initialised(manager);
            WeightsTransfer.toBlock(weights, block);

            DarknetWeights.Header header = new DarknetWeights.Header(0, 2, 5, 1234);
            DarknetWeights back = WeightsTransfer.fromBlock(block, header);

            assertThat(back.header()).isEqualTo(header);
            assertSameArrays(back, weights);
        }
    }

    @Test
    void trainedBlockWrittenAndReadGivesTheSameHeads() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            DarknetBlock trained = initialised(manager);
            WeightsTransfer.toBlock(distinctValues(DarknetWeights.initial(cfg, 3), 5), trained);
            NDArray batch = manager.randomUniform(0, 1, trained.inputShape(2));
            ParameterStore store = new ParameterStore(manager, false);
            float[] meanBefore = trained.convolutions().get(0).runningMean().getArray().toFloatArray();
            trained.forward(store, new NDList(batch), true); // a training pass moves the running statistics
            assertThat(trained.convolutions().get(0).runningMean().getArray().toFloatArray())
                    .isNotEqualTo(meanBefore);

            Path file = temp.resolve("trained.weights");
            WeightsTransfer.fromBlock(trained, new DarknetWeights.Header(0, 2, 5, 2)).write(file);
            DarknetWeights read = DarknetWeights.read(file, cfg);
            DarknetBlock reloaded = initialised(manager);
            WeightsTransfer.toBlock(read, reloaded);

            assertThat(read.header().seen()).isEqualTo(2);
            assertSameArrays(read, WeightsTransfer.fromBlock(trained, read.header()));
            NDList expected = trained.forward(store, new NDList(batch), false);
            NDList actual = reloaded.forward(store, new NDList(batch), false);
            for (int h = 0; h < expected.size(); h++) {
                assertThat(actual.get(h).toFloatArray()).containsExactly(expected.get(h).toFloatArray());
            }
        }
    }

    @Test
    void refusesAnUninitialisedBlock() {
        DarknetBlock block = DarknetBlock.of(cfg);
        assertThatThrownBy(() -> WeightsTransfer.toBlock(DarknetWeights.initial(cfg, 1), block))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acai-shapes.cfg")
                .hasMessageContaining("not initialised");
    }

    @Test
    void refusesWeightsOfAnotherShapeNamingTheLayer() {
        List<ConvolutionParams> params = new ArrayList<>(DarknetWeights.initial(cfg, 1).convolutions());
        ConvolutionParams layer4 = params.get(2); // 48 filters of 32 x 3 x 3 in acai-shapes
        params.set(2, new ConvolutionParams(4, new float[64], new float[64], new float[64], new float[64],
                new float[64 * 32 * 3 * 3])); // yolov3-tiny's layer 4 has 64
        assertThat(layer4.layer()).isEqualTo(4);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            DarknetBlock block = initialised(manager);
            assertThatThrownBy(() -> WeightsTransfer.toBlock(new DarknetWeights(DarknetWeights.DEFAULT_HEADER, params),
                    block))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("layer 4 kernel: 18432 floats (expected: 13824 for shape (48, 32, 3, 3))");
        }
    }

    @Test
    void refusesBatchNormArraysForALayerWithout() {
        List<ConvolutionParams> params = new ArrayList<>(DarknetWeights.initial(cfg, 1).convolutions());
        ConvolutionParams head = params.get(params.size() - 1);
        int n = head.biases().length;
        params.set(params.size() - 1, new ConvolutionParams(head.layer(), head.biases(), new float[n], new float[n],
                new float[n], head.kernel()));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            DarknetBlock block = initialised(manager);
            assertThatThrownBy(() -> WeightsTransfer.toBlock(new DarknetWeights(DarknetWeights.DEFAULT_HEADER, params),
                    block))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("layer " + head.layer() + ": weights have batch norm arrays, the cfg says"
                            + " batch_normalize=0");
        }
    }

    private DarknetBlock initialised(NDManager manager) {
        DarknetBlock block = DarknetBlock.of(cfg);
        block.initialize(manager, DataType.FLOAT32, block.inputShape(1));
        return block;
    }

    /** Every array filled with seeded random values, so that any swap or offset shows. */
    private static DarknetWeights distinctValues(DarknetWeights weights, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ConvolutionParams> changed = new ArrayList<>();
        for (ConvolutionParams c : weights.convolutions()) {
            changed.add(new ConvolutionParams(c.layer(), random(random, c.biases()), random(random, c.scales()),
                    random(random, c.rollingMean()), positive(random(random, c.rollingVariance())),
                    random(random, c.kernel())));
        }
        return new DarknetWeights(weights.header(), changed);
    }

    private static float[] random(SplittableRandom random, float[] like) {
        if (like == null) {
            return null;
        }
        float[] values = new float[like.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-0.5, 0.5);
        }
        return values;
    }

    private static float[] positive(float[] values) {
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.abs(values[i]) + 0.5f;
            }
        }
        return values;
    }

    private static void assertSameArrays(DarknetWeights actual, DarknetWeights expected) {
        assertThat(actual.convolutions()).hasSameSizeAs(expected.convolutions());
        for (int i = 0; i < expected.convolutions().size(); i++) {
            ConvolutionParams a = actual.convolutions().get(i);
            ConvolutionParams e = expected.convolutions().get(i);
            assertThat(a.layer()).isEqualTo(e.layer());
            assertThat(a.inFileOrder()).as("layer %d", e.layer()).hasSameSizeAs(e.inFileOrder());
            for (int k = 0; k < e.inFileOrder().size(); k++) {
                assertThat(a.inFileOrder().get(k)).as("layer %d array %d", e.layer(), k)
                        .containsExactly(e.inFileOrder().get(k));
            }
        }
    }
}
