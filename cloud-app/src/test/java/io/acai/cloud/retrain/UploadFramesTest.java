package io.acai.cloud.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acai.detection.ClassNames;
import io.acai.detection.LabeledFrame;
import io.acai.protocol.Label;
import io.acai.protocol.UploadImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class UploadFramesTest {

    private static final ClassNames NAMES = ClassNames.of(List.of("circle", "square"));

    private static byte[] jpeg(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR), "jpg", out);
        return out.toByteArray();
    }

    @Test
    void decodesPixelsAndLabelsToImageCoordinates() throws IOException {
        UploadImage image = new UploadImage("i1", 40, 20, jpeg(40, 20), List.of(new Label(1, 0.5f, 0.5f, 0.5f, 0.5f)));
        LabeledFrame frame = UploadFrames.decode(new PendingImage("e1", 1, image, 0), NAMES);
        assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(frame.width()).isEqualTo(40);
        assertThat(frame.objects()).hasSize(1);
        assertThat(frame.objects().get(0).className()).isEqualTo("square");
        assertThat(frame.objects().get(0).box().x()).isCloseTo(10, within(1e-4));
        assertThat(frame.objects().get(0).box().height()).isCloseTo(10, within(1e-4));
    }

    @Test
    void decodesALosslessUploadToTheSentPixelsExactly() throws IOException {
        BufferedImage sent = new BufferedImage(16, 8, BufferedImage.TYPE_3BYTE_BGR);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 8; y++) {
                sent.setRGB(x, y, (x * 16) << 16 | (y * 32) << 8 | (x * y));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(sent, "png", png);
        UploadImage image = new UploadImage("i1", 16, 8, png.toByteArray(), List.of());
        LabeledFrame frame = UploadFrames.decode(new PendingImage("e1", 1, image, 0), NAMES);
        assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 8; y++) {
                assertThat(frame.image().getRGB(x, y)).isEqualTo(sent.getRGB(x, y));
            }
        }
    }

    @Test
    void refusesAnUnknownClassNamingTheLabel() throws IOException {
        UploadImage image = new UploadImage("i1", 8, 8, jpeg(8, 8), List.of(new Label(5, 0.5f, 0.5f, 0.1f, 0.1f)));
        assertThatThrownBy(() -> UploadFrames.decode(new PendingImage("e1", 1, image, 0), NAMES))
                .hasMessage("edge e1, image i1: labels[0].classId : 5 (expected: 0..1, the model's classes [circle, square])");
    }

    @Test
    void refusesASizeThatDiffersFromTheAnnouncedOne() throws IOException {
        UploadImage image = new UploadImage("i1", 9, 8, jpeg(8, 8), List.of());
        assertThatThrownBy(() -> UploadFrames.decode(new PendingImage("e1", 1, image, 0), NAMES))
                .hasMessageContaining("size : 8x8 decoded (expected: 9x8 as announced)");
    }

    @Test
    void refusesBytesThatAreNoImage() {
        UploadImage image = new UploadImage("i1", 8, 8, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}, List.of());
        assertThatThrownBy(() -> UploadFrames.decode(new PendingImage("e1", 1, image, 0), NAMES))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("image i1");
    }
}
