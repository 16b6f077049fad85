package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    private static TrainingSettings.Builder oneEpochOf8() {
        return TrainingSettings.builder().setEpochs(1).setBatchSize(8).optDevice(TrainingDevice.CPU).optSeed(1);
    }

    @Test
    void invalidValuesNameTheField() {
        assertThatThrownBy(() -> oneEpochOf8().setEpochs(0).build()).hasMessage("epochs: 0 (expected: >= 1)");
        assertThatThrownBy(() -> oneEpochOf8().setBatchSize(-2).build()).hasMessage("batchSize: -2 (expected: >= 1)");
        assertThatThrownBy(() -> oneEpochOf8().optLearningRate(Float.NaN).build())
                .hasMessage("learningRate: NaN (expected: > 0 and finite)");
        assertThatThrownBy(() -> oneEpochOf8().optLearningRate(0f).build())
                .hasMessage("learningRate: 0.0 (expected: > 0 and finite)");
        assertThatThrownBy(() -> oneEpochOf8().optDevice(null).build()).hasMessage("device");
        assertThatThrownBy(() -> oneEpochOf8().optBatchNormMomentum(1f).build())
                .hasMessage("batchNormMomentum: 1.0 (expected: > 0 and < 1)");
        assertThatThrownBy(() -> oneEpochOf8().optHeadLearningRateFactor(0f).build())
                .hasMessage("headLearningRateFactor: 0.0 (expected: > 0 and finite)");
        assertThatThrownBy(() -> oneEpochOf8().optHeadLearningRateFactor(Float.POSITIVE_INFINITY).build())
                .hasMessage("headLearningRateFactor: Infinity (expected: > 0 and finite)");
        assertThatThrownBy(() -> DarknetBlock.of(TrainingFixtures.acaiShapes(), 0f))
                .hasMessage("batchNormMomentum: 0.0 (expected: > 0 and < 1)");
    }

    @Test
    void aMissingRequiredValueIsNamed() {
        assertThatThrownBy(() -> TrainingSettings.builder().setBatchSize(8).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TrainingSettings: epochs is not set (call setEpochs)");
        assertThatThrownBy(() -> TrainingSettings.builder().setEpochs(1).build())
                .hasMessage("TrainingSettings: batchSize is not set (call setBatchSize)");
    }

    @Test
    void defaults() {
        assertThat(TrainingSettings.of(3, 4)).isEqualTo(new TrainingSettings(3, 4,
                TrainingSettings.DEFAULT_LEARNING_RATE, false, TrainingDevice.AUTO, 0,
                TrainingSettings.FINE_TUNING_BATCH_NORM_MOMENTUM, false, false, 1f, false));
        assertThat(oneEpochOf8().optLearningRate(2e-3f).optFreezeBackbone(true).optBatchNormMomentum(0.5f)
                .optFixedBatchNorm(true).build())
                .isEqualTo(new TrainingSettings(1, 8, 2e-3f, true, TrainingDevice.CPU, 1, 0.5f, true, false, 1f, false));
    }

    @Test
    void devicesParseAndResolve() {
        assertThat(TrainingDevice.parse(" GPU ")).isEqualTo(TrainingDevice.GPU);
        assertThat(TrainingDevice.parse("auto")).isEqualTo(TrainingDevice.AUTO);
        assertThatThrownBy(() -> TrainingDevice.parse("tpu")).hasMessage("device: \"tpu\" (expected: auto, cpu or gpu)");
        assertThat(TrainingDevice.CPU.resolve()).isEqualTo(Device.cpu());
        boolean gpu = Engine.getEngine("PyTorch").getGpuCount() > 0;
        assertThat(TrainingDevice.AUTO.resolve()).isEqualTo(gpu ? Device.gpu(0) : Device.cpu());
        if (!gpu) {
            assertThatThrownBy(TrainingDevice.GPU::resolve).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("device: gpu requested, but the PyTorch engine sees no GPU");
        }
    }
}
