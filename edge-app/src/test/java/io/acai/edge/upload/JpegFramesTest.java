package io.acai.edge.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acai.detection.BoundingBox;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.protocol.Label;
import io.acai.protocol.UploadImage;
import io.acai.scenes.DriftScenario;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegFramesTest {

    @Test
    void encodesASceneAsAJpegWithNormalisedLabels() throws Exception {
        LabeledFrame frame = DriftScenario.builder("cam-1").build().frame(3);
        UploadImage image = JpegFrames.encode(frame, JpegFrames.QUALITY);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.jpeg()));
        assertThat(decoded.getWidth()).isEqualTo(frame.width());
        assertThat(image.jpeg().length).as("far below the raw pixels").isLessThan(frame.width() * frame.height());
        assertThat(image.labels()).hasSameSizeAs(frame.objects());
        for (int i = 0; i < image.labels().size(); i++) {
            Label label = image.labels().get(i);
            BoundingBox box = frame.objects().get(i).box();
            assertThat(label.classId()).isEqualTo(frame.objects().get(i).classId());
            assertThat((double) label.cx()).isCloseTo(box.centerX() / frame.width(), within(1e-3));
            assertThat((double) label.h()).isCloseTo(box.height() / frame.height(), within(1e-3));
        }
    }

    @Test
    void uploadsWhatTheNetworkSeesLetterboxedWithItsLabelsMoved() throws Exception {
        // a 200x100 frame with one 40x20 box at (20, 10): into 64x64 at scale 0.32, 16 px of grey above and below
        BufferedImage pixels = new BufferedImage(200, 100, BufferedImage.TYPE_3BYTE_BGR);
        LabeledFrame frame = new LabeledFrame("f", pixels, List.of(
                new GroundTruth(0, "square", new BoundingBox(20, 10, 40, 20))));
        UploadImage image = JpegFrames.encode(frame, 64, 64, JpegFrames.QUALITY);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.jpeg()));
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(64);
        assertThat(image.width()).isEqualTo(64);
        Label label = image.labels().get(0);
        assertThat((double) label.cx()).isCloseTo((40 * 0.32) / 64, within(1e-4));
        assertThat((double) label.cy()).isCloseTo((20 * 0.32 + 16) / 64, within(1e-4));
        assertThat((double) label.w()).isCloseTo(40 * 0.32 / 64, within(1e-4));
        assertThat((double) label.h()).isCloseTo(20 * 0.32 / 64, within(1e-4));
        int grey = decoded.getRGB(32, 2) & 0xff;
        assertThat(grey).as("the padding is darknet's grey").isBetween(120, 134);
    }

    @Test
    void clipsBoxesToTheImageAndLeavesOutEmptyOnes() {
        BufferedImage pixels = new BufferedImage(100, 50, BufferedImage.TYPE_3BYTE_BGR);
        LabeledFrame frame = new LabeledFrame("f", pixels, List.of(
                new GroundTruth(1, "square", new BoundingBox(-10, 10, 30, 20)),
                new GroundTruth(2, "triangle", new BoundingBox(120, 10, 5, 5))));
        List<Label> labels = JpegFrames.labels(frame);
        assertThat(labels).containsExactly(new Label(1, 0.1f, 0.4f, 0.2f, 0.4f));
    }
}
