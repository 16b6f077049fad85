package io.acai.detection.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DarknetWeightsTest {

    private static final String FASTEST = "data/yolo-fastest/yolo-fastest-1.1_coco/yolo-fastest-1.1";

    @TempDir
    Path dir;

    @Test
    void readsRealYoloFastestAndWritesTheSameBytes() throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve(FASTEST + ".cfg"));
        Path file = SharedData.resolve(FASTEST + ".weights");

        DarknetWeights weights = DarknetWeights.read(file, cfg);

        assertThat(weights.convolutions()).hasSize(
                (int) cfg.layers().stream().filter(l -> l instanceof ConvolutionalLayer).count());
        int firstDepthwise = 0;
        while (!(cfg.layers().get(firstDepthwise) instanceof ConvolutionalLayer c && c.groups() > 1)) {
            firstDepthwise++;
        }
        ConvolutionalLayer layer = (ConvolutionalLayer) cfg.layers().get(firstDepthwise);
        ConvolutionParams depthwise = weights.layer(firstDepthwise);
        assertThat(depthwise.kernel()).hasSize(layer.filters() * layer.size() * layer.size());
        for (float v : depthwise.rollingVariance()) {
            assertThat(v).isPositive();
        }
        assertThat(weights.encode()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void initialWeightsRoundTripThroughAFile() throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg"));
        DarknetWeights initial = DarknetWeights.initial(cfg, 42)
                .withHeader(new DarknetWeights.Header(0, 2, 5, 1234));
        Path file = dir.resolve("tiny.weights");

        initial.write(file);
        DarknetWeights back = DarknetWeights.read(file, cfg);

        assertThat(Files.size(file)).isEqualTo(20 + 4 * DarknetWeights.floatCount(cfg));
        assertThat(back.header()).isEqualTo(initial.header());
        for (int i = 0; i < initial.convolutions().size(); i++) {
            ConvolutionParams a = initial.convolutions().get(i);
            ConvolutionParams b = back.convolutions().get(i);
            assertThat(b.layer()).isEqualTo(a.layer());
            assertThat(b.inFileOrder()).hasSameSizeAs(a.inFileOrder());
            for (int k = 0; k < a.inFileOrder().size(); k++) {
                assertThat(Arrays.equals(a.inFileOrder().get(k), b.inFileOrder().get(k))).isTrue();
            }
        }
        assertThat(initial.layer(0).kernel()).isNotEqualTo(DarknetWeights.initial(cfg, 43).layer(0).kernel());
        assertThat(DarknetWeights.initial(cfg, 42).layer(0).kernel()).isEqualTo(initial.layer(0).kernel());
    }

    @Test
    void refusesWeightsOfAnotherNetworkWithCounts() throws IOException {
        DarknetConfig tiny = DarknetConfig.read(SharedData.resolve("data/darknet/cfg/yolov3-tiny.cfg"));
        Path fastest = SharedData.resolve(FASTEST + ".weights");
        long found = (Files.size(fastest) - 20) / 4;

        assertThatThrownBy(() -> DarknetWeights.read(fastest, tiny))
                .isInstanceOf(WeightsMismatchException.class)
                .hasMessage(fastest + ": " + found + " floats of weights, but " + tiny.source() + " needs "
                        + DarknetWeights.floatCount(tiny) + " (wrong cfg for these weights, or a truncated file?)");
    }

    @Test
    void refusesTruncatedFile() throws IOException {
        DarknetConfig cfg = DarknetConfig.read(SharedData.resolve(FASTEST + ".cfg"));
        byte[] bytes = Files.readAllBytes(SharedData.resolve(FASTEST + ".weights"));
        Path truncated = dir.resolve("truncated.weights");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 4000));

        assertThatThrownBy(() -> DarknetWeights.read(truncated, cfg))
                .isInstanceOfSatisfying(WeightsMismatchException.class,
                        e -> assertThat(e.expectedFloats() - e.foundFloats()).isEqualTo(1000));
        Path empty = dir.resolve("empty.weights");
        Files.write(empty, new byte[3]);
        assertThatThrownBy(() -> DarknetWeights.read(empty, cfg)).isInstanceOf(WeightsMismatchException.class)
                .hasMessageContaining(": 0 floats of weights");
    }
}
