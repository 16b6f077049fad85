package io.acai.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.acai.detection.darknet.MaxPoolLayer;
import io.acai.detection.darknet.RouteLayer;
import io.acai.detection.darknet.UpsampleLayer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parameterless layers on small arrays whose results can be worked out by hand. */
class DarknetLayersTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void maxPoolSize2Stride1PadsOnlyRightAndBottom() {
        // 1 2 3        5 6 6
        // 4 5 6   ->   8 9 9
        // 7 8 9        8 9 9
        NDArray x = manager.create(new float[] {1, -2, 3, 4, 5, -6, 7, 8, 9}, new Shape(1, 1, 3, 3));
        NDArray y = DarknetMaxPool.forward(x, new MaxPoolLayer(1, 2, 1, 1), false);
        assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 3, 3));
        assertThat(y.toFloatArray()).containsExactly(5, 5, 3, 8, 9, 9, 8, 9, 9);
    }

    @Test
    void maxPoolOddTotalPaddingPutsTheExtraAfter() {
        // size 3 stride 2, padding 3: 1 before, 2 after; 4 wide -> (4 + 3 - 3) / 2 + 1 = 3
        NDArray x = manager.create(new float[] {-1, -2, -3, -4}, new Shape(1, 1, 1, 4));
        NDArray y = DarknetMaxPool.forward(x, new MaxPoolLayer(1, 3, 2, 3), false);
        // windows over [pad, -1, -2, -3, -4, pad, pad] at 0, 2, 4
        assertThat(y.toFloatArray()).containsExactly(-1, -2, -4);
    }

    @Test
    void routeTakesTheGroupOfEachInputThenConcatenates() {
        NDArray a = manager.arange(0f, 4f).reshape(1, 4, 1, 1);
        NDArray b = manager.arange(10f, 12f).reshape(1, 2, 1, 1);
        assertThat(DarknetRoute.forward(List.of(a, b), new RouteLayer(1, List.of(0, 1), 1, 0)).toFloatArray())
                .containsExactly(0, 1, 2, 3, 10, 11);
        assertThat(DarknetRoute.forward(List.of(a, b), new RouteLayer(1, List.of(0, 1), 2, 1)).toFloatArray())
                .containsExactly(2, 3, 11);
    }

    @Test
    void upsampleRepeatsEveryPixel() {
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
        NDArray y = DarknetUpsample.forward(x, new UpsampleLayer(1, 2));
        assertThat(y.getShape()).isEqualTo(new Shape(1, 1, 4, 4));
        assertThat(y.toFloatArray()).containsExactly(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
    }
}
