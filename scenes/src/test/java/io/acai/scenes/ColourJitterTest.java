package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;

class ColourJitterTest {

    private static final LabeledFrame SCENE = new SceneGenerator(7, SceneStyle.PRE_DRIFT).frame(3);

    @Test
    void noDistortionGivesThePixelsBack() {
        BufferedImage same = ColourJitter.distorted(SCENE.image(), 0, 1, 1);
        assertThat(bytes(same)).isEqualTo(bytes(SCENE.image()));
    }

    @Test
    void exposureScalesTheBrightestChannel() {
        double mean = meanValue(SCENE.image());
        assertThat(meanValue(ColourJitter.distorted(SCENE.image(), 0, 1, 0.5))).isBetween(mean * 0.45, mean * 0.55);
    }

    @Test
    void noSaturationLeavesGrey() {
        byte[] grey = bytes(ColourJitter.distorted(SCENE.image(), 0, 0, 1));
        for (int o = 0; o < grey.length; o += 3) {
            assertThat(grey[o]).isEqualTo(grey[o + 1]).isEqualTo(grey[o + 2]);
        }
    }

    @Test
    void hueShiftOfAThirdTurnsRedGreen() {
        BufferedImage red = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
        red.setRGB(0, 0, 0xc80000);
        red.setRGB(1, 0, 0x808080);
        BufferedImage shifted = ColourJitter.distorted(red, 1.0 / 3, 1, 1);
        assertThat(shifted.getRGB(0, 0) & 0xffffff).isEqualTo(0x00c800);
        assertThat(shifted.getRGB(1, 0) & 0xffffff).isEqualTo(0x808080);
    }

    @Test
    void aSeedGivesOneDistortionAndKeepsTheBoxes() {
        ColourJitter jitter = new ColourJitter(0.1, 1.5, 1.5);
        LabeledFrame once = jitter.apply(SCENE, 42);
        assertThat(bytes(jitter.apply(SCENE, 42).image())).isEqualTo(bytes(once.image()));
        assertThat(bytes(jitter.apply(SCENE, 43).image())).isNotEqualTo(bytes(once.image()));
        assertThat(bytes(once.image())).isNotEqualTo(bytes(SCENE.image()));
        assertThat(once.objects()).isEqualTo(SCENE.objects());
    }

    @Test
    void exposureStaysWithinItsRange() {
        ColourJitter jitter = new ColourJitter(0, 1, 1.5);
        double mean = meanValue(SCENE.image());
        for (long seed = 0; seed < 40; seed++) {
            double ratio = meanValue(jitter.apply(SCENE, seed).image()) / mean;
            assertThat(ratio).as("seed %d", seed).isBetween(1 / 1.5 - 0.02, 1.5 + 0.02);
        }
    }

    @Test
    void badValuesAreNamed() {
        assertThat(ColourJitter.of(0.1, 1.5, 1.5)).isEqualTo(ColourJitter.YOLOV3_TINY);
        assertThatThrownBy(() -> ColourJitter.of(0.1, 1.5)).hasMessageContaining("2 values (expected: 3")
                .hasMessageContaining("hue,saturation,exposure");
        assertThatThrownBy(() -> ColourJitter.of(0.1, 0.5, 1.5)).hasMessage("saturation: 0.5 (expected: 1..4)");
        assertThatThrownBy(() -> new ColourJitter(0.7, 1, 1)).hasMessage("hue: 0.7 (expected: 0..0.5)");
        assertThatThrownBy(() -> new ColourJitter(0, 1, 5)).hasMessage("exposure: 5.0 (expected: 1..4)");
    }

    private static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    private static double meanValue(BufferedImage image) {
        byte[] bgr = bytes(image);
        double sum = 0;
        for (int o = 0; o < bgr.length; o += 3) {
            sum += Math.max(bgr[o] & 0xff, Math.max(bgr[o + 1] & 0xff, bgr[o + 2] & 0xff));
        }
        return sum / (bgr.length / 3.0);
    }
}
