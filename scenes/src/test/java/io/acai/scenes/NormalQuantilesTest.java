package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalQuantilesTest {

    @Test
    void quantilesMatchKnownValues() {
        assertThat(NormalQuantiles.quantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(NormalQuantiles.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(NormalQuantiles.quantile(0.001)).isCloseTo(-3.090232, within(1e-6));
    }

    @Test
    void tableHasUnitVarianceAndZeroMean() {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < NormalQuantiles.SIZE; i++) {
            double v = NormalQuantiles.sample(i);
            sum += v;
            squares += v * v;
        }
        assertThat(sum / NormalQuantiles.SIZE).isCloseTo(0, within(1e-6));
        assertThat(Math.sqrt(squares / NormalQuantiles.SIZE)).isCloseTo(1, within(0.01));
    }

    @Test
    void noiseOfTheConfiguredSigmaIsAdded() {
        SceneStyle flat = SceneStyle.PRE_DRIFT.withBackgrounds(java.util.Map.of(Background.FLAT, 1.0))
                .withObjects(0, 1).withLighting(Lighting.DAY, 0);
        java.awt.image.BufferedImage clean = new SceneGenerator(8, flat.withNoise(0, 0)).next().image();
        java.awt.image.BufferedImage noisy = new SceneGenerator(8, flat.withNoise(6, 0)).next().image();
        double squares = 0;
        int n = 0;
        for (int y = 0; y < clean.getHeight(); y++) {
            for (int x = 0; x < clean.getWidth(); x++) {
                int d = ((noisy.getRGB(x, y) >> 8) & 0xff) - ((clean.getRGB(x, y) >> 8) & 0xff);
                squares += d * d;
                n++;
            }
        }
        assertThat(Math.sqrt(squares / n)).isCloseTo(6, within(0.3));
    }
}
