package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhotoDriftTest {

    private static final ClassNames NAMES = ClassNames.of(List.of("person", "car", "dog"));

    @Test
    void nightDarkensAPhotoAndKeepsItsObjectsWithTheSameNoiseForTheSameIndex() {
        LabeledFrame photo = grey(160);
        PhotoDrift night = PhotoDrift.parse("night", NAMES);

        LabeledFrame dark = night.apply(photo, 7);

        assertThat(mean(dark.image())).isLessThan(mean(photo.image()) * 0.7);
        assertThat(dark.objects()).isEqualTo(photo.objects());
        assertThat(dark.id()).isEqualTo("p@night");
        assertThat(pixels(night.apply(photo, 7).image())).isEqualTo(pixels(dark.image()));
        assertThat(pixels(night.apply(photo, 8).image())).isNotEqualTo(pixels(dark.image()));
    }

    @Test
    void blurAndNoiseChangeThePixelsButNotTheBrightness() {
        LabeledFrame photo = grey(128);
        for (String name : List.of("noise", "blur")) {
            double mean = mean(PhotoDrift.parse(name, NAMES).apply(photo, 1).image());
            assertThat(mean).as(name).isBetween(120.0, 136.0);
        }
    }

    @Test
    void aClassMixDriftNamesTheModelsClassesAndLeavesPixelsAlone() {
        PhotoDrift mix = PhotoDrift.parse("classes:dog, car", NAMES);
        LabeledFrame photo = grey(100);

        assertThat(mix.classMix()).isTrue();
        assertThat(mix.classes()).containsExactlyInAnyOrder("dog", "car");
        assertThat(mix.apply(photo, 3)).isSameAs(photo);
        assertThat(mix.drifted(photo)).as("a person only").isFalse();
    }

    @Test
    void refusesWhatItDoesNotKnowNamingTheValue() {
        assertThatThrownBy(() -> PhotoDrift.parse("fog", NAMES)).hasMessage(
                "--data-drift : fog (expected: night, noise, blur or classes:NAME[,NAME...])");
        assertThatThrownBy(() -> PhotoDrift.parse("classes:cat", NAMES)).hasMessage(
                "--data-drift : classes:cat: class 'cat' is not one of the model's 3 classes");
        assertThatThrownBy(() -> PhotoDrift.parse("classes:", NAMES)).hasMessageContaining("names no class");
    }

    private static LabeledFrame grey(int level) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, level << 16 | level << 8 | level);
            }
        }
        return new LabeledFrame("p", image, List.of(new GroundTruth(0, "person", new BoundingBox(4, 4, 20, 30))));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static double mean(BufferedImage image) {
        long sum = 0;
        int[] pixels = pixels(image);
        for (int p : pixels) {
            sum += ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff);
        }
        return sum / (3.0 * pixels.length);
    }
}
