package io.acai.detection.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acai.detection.ClassNames;
import io.acai.detection.Detection;
import io.acai.detection.Letterbox;
import io.acai.detection.darknet.DarknetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made network: 64x64 input, one 32x32 stride-32 convolution giving a 2x2 grid with
 * 2 anchors x (5 + 2 classes) = 14 channels, one [yolo] with anchors 10x20 and 30x40. The image is
 * 128x64, letterboxed at scale 0.5 with 16 grey rows above and below it.
 */
class YoloOutputDecoderTest {

    private static final ClassNames NAMES = ClassNames.of(List.of("square", "circle"));
    private static final Letterbox LETTERBOX = Letterbox.of(128, 64, 64, 64);
    private static final int GRID = 2;
    private static final int PLANE = GRID * GRID;
    private static final int CELL = 7;

    @TempDir
    Path temp;

    @Test
    void decodesBoxesConfidencesAndClassesIntoImagePixels() throws IOException {
        YoloOutputDecoder decoder = YoloOutputDecoder.of(cfg(1.0), NAMES);
        float[] head = emptyHead();
        // anchor 1 (30x40) at cell x=1, y=0: centre (1.5/2*64, 0.5/2*64) = (48, 16), size 60x40 in input
        // pixels, i.e. input box x 18..78, y -4..36; objectness 0.8, class 1 at 0.75 -> confidence 0.6.
        // Back through the letterbox (scale 0.5, offset y 16): x 36..156 -> clipped 36..128, y -40..40 ->
        // clipped 0..40.
        set(head, 1, 0, 1, 0f, 0f, (float) Math.log(2), 0f, logit(0.8), 0f, (float) Math.log(3));
        // anchor 0 (10x20) at cell x=0, y=1: centre (16, 48), size 10x20 -> input x 11..21, y 38..58;
        // objectness 0.5, class 0 at 0.5 -> confidence 0.25 -> image x 22..42, y 44..84 clipped to 64
        set(head, 0, 1, 0, 0f, 0f, 0f, 0f, 0f, 0f, -5f);

        List<Detection> detections = decoder.decode(new float[][] {head}, LETTERBOX, 0.2f);

        assertThat(detections).hasSize(2);
        Detection circle = detections.stream().filter(d -> d.classId() == 1).findFirst().orElseThrow();
        assertThat(circle.className()).isEqualTo("circle");
        assertThat(circle.confidence()).isCloseTo(0.6f, within(1e-6f));
        assertBox(circle, 36, 0, 92, 40);
        Detection square = detections.stream().filter(d -> d.classId() == 0).findFirst().orElseThrow();
        assertThat(square.className()).isEqualTo("square");
        assertThat(square.confidence()).isCloseTo(0.25f, within(1e-6f));
        assertBox(square, 22, 44, 20, 20);
    }

    @Test
    void confidenceThresholdDropsWeakerBoxes() throws IOException {
        YoloOutputDecoder decoder = YoloOutputDecoder.of(cfg(1.0), NAMES);
        float[] head = emptyHead();
        set(head, 1, 0, 1, 0f, 0f, 0f, 0f, logit(0.8), 0f, (float) Math.log(3)); // 0.6
        set(head, 0, 1, 0, 0f, 0f, 0f, 0f, 0f, 0f, -5f); // 0.25

        assertThat(decoder.decode(new float[][] {head}, LETTERBOX, 0.5f)).extracting(Detection::classId)
                .containsExactly(1);
        assertThat(decoder.decode(new float[][] {head}, LETTERBOX, 0.61f)).isEmpty();
    }

    @Test
    void boxWhollyInThePaddingIsDropped() throws IOException {
        YoloOutputDecoder decoder = YoloOutputDecoder.of(cfg(1.0), NAMES);
        float[] head = emptyHead();
        // anchor 0 at cell (0, 0), ty -> sigmoid ~0: centre y ~0, height 0.2 * 20 = 4: input y -2..2, all
        // above the image, which starts at input row 16
        set(head, 0, 0, 0, 0f, -30f, 0f, (float) Math.log(0.2), logit(0.9), 5f, 0f);

        assertThat(decoder.decode(new float[][] {head}, LETTERBOX, 0.1f)).isEmpty();
    }

    @Test
    void scaleXYStretchesTheCellOffset() throws IOException {
        YoloOutputDecoder decoder = YoloOutputDecoder.of(cfg(2.0), NAMES);
        float[] head = emptyHead();
        // sigmoid(tx) ~1 with scale_x_y 2: offset 1 * 2 - (2 - 1) / 2 = 1.5 -> cx = (0 + 1.5) / 2 * 64 = 48;
        // ty = 0: offset 0.5 * 2 - 0.5 = 0.5 -> cy = (1 + 0.5) / 2 * 64 = 48. Size 10x20 -> input x 43..53,
        // y 38..58 -> image x 86..106, y 44..84 clipped to 64
        set(head, 0, 1, 0, 30f, 0f, 0f, 0f, logit(0.9), 5f, 0f);

        List<Detection> detections = decoder.decode(new float[][] {head}, LETTERBOX, 0.5f);

        assertThat(detections).hasSize(1);
        assertBox(detections.get(0), 86, 44, 20, 20);
    }

    @Test
    void wrongOutputsAreRefusedWithTheExpectedShape() throws IOException {
        YoloOutputDecoder decoder = YoloOutputDecoder.of(cfg(1.0), NAMES);

        assertThatThrownBy(() -> decoder.decode(new float[][] {new float[55]}, LETTERBOX, 0.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("head 0: 55 floats (expected: 14x2x2 = 56)");
        assertThatThrownBy(() -> decoder.decode(new float[0][], LETTERBOX, 0.5f))
                .hasMessage("head outputs: 0 (expected: 1, one per [yolo])");
        assertThatThrownBy(() -> decoder.decode(new float[][] {emptyHead()}, Letterbox.of(10, 10, 32, 32), 0.5f))
                .hasMessageContaining("expected: the network's 64x64");
    }

    @Test
    void namesThatDoNotFitTheCfgAreRefused() throws IOException {
        DarknetConfig cfg = cfg(1.0);

        assertThatThrownBy(() -> YoloOutputDecoder.of(cfg, ClassNames.of(List.of("a", "b", "c"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(cfg.source() + ":12: [yolo] has classes=2 but the class names list 3"
                        + " (wrong .names file for this cfg?)");
    }

    private DarknetConfig cfg(double scaleXY) throws IOException {
        Path file = temp.resolve("tiny-" + scaleXY + ".cfg");
        Files.writeString(file, String.join("\n",
                "[net]", "width=64", "height=64", "channels=3", "",
                "[convolutional]", "filters=14", "size=32", "stride=32", "activation=linear", "",
                "[yolo]", "mask=0,1", "anchors=10,20, 30,40", "classes=2", "scale_x_y=" + scaleXY, ""));
        // the [yolo] header is line 12, which namesThatDoNotFitTheCfgAreRefused expects
        return DarknetConfig.read(file);
    }

    private static float[] emptyHead() {
        float[] head = new float[2 * CELL * PLANE];
        Arrays.fill(head, -20f); // objectness sigmoid(-20) ~ 2e-9: nothing detected
        return head;
    }

    /** Writes tx, ty, tw, th, objectness, class logits of one anchor at one cell, CHW. */
    private static void set(float[] head, int anchor, int y, int x, float... values) {
        for (int k = 0; k < values.length; k++) {
            head[(anchor * CELL + k) * PLANE + y * GRID + x] = values[k];
        }
    }

    private static float logit(double p) {
        return (float) Math.log(p / (1 - p));
    }

    private static void assertBox(Detection d, double x, double y, double w, double h) {
        assertThat(d.box().x()).as("x").isCloseTo(x, within(1e-3));
        assertThat(d.box().y()).as("y").isCloseTo(y, within(1e-3));
        assertThat(d.box().width()).as("width").isCloseTo(w, within(1e-3));
        assertThat(d.box().height()).as("height").isCloseTo(h, within(1e-3));
    }
}
