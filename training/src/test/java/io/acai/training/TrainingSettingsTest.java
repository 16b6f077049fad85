package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    @Test
    void invalidValuesNameTheField() {
        assertThatThrownBy(() -> new TrainingSettings(0, 8, 1e-3f, false, TrainingDevice.CPU, 1))
                .hasMessage("epochs: 0 (expected: >= 1)");
        assertThatThrownBy(() -> new TrainingSettings(1, -2, 1e-3f, false, TrainingDevice.CPU, 1))
                .hasMessage("batchSize: -2 (expected: >= 1)");
        assertThatThrownBy(() -> new TrainingSettings(1, 8, Float.NaN, false, TrainingDevice.CPU, 1))
                .hasMessage("learningRate: NaN (expected: > 0 and finite)");
        assertThatThrownBy(() -> new TrainingSettings(1, 8, 0f, false, TrainingDevice.CPU, 1))
                .hasMessage("learningRate: 0.0 (expected: > 0 and finite)");
        assertThatThrownBy(() -> new TrainingSettings(1, 8, 1e-3f, false, null, 1)).hasMessage("device");
        assertThatThrownBy(() -> new TrainingSettings(1, 8, 1e-3f, false, TrainingDevice.CPU, 1, 1f))
                .hasMessage("batchNormMomentum: 1.0 (expected: > 0 and < 1)");
        assertThatThrownBy(() -> DarknetBlock.of(TrainingFixtures.acaiShapes(), 0f))
                .hasMessage("batchNormMomentum: 0.0 (expected: > 0 and < 1)");
    }

    @Test
    void defaults() {
        assertThat(TrainingSettings.of(3, 4)).isEqualTo(new TrainingSettings(3, 4,
                TrainingSettings.DEFAULT_LEARNING_RATE, false, TrainingDevice.AUTO, 0));
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
