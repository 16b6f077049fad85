package io.acai.edge.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

class UploadImagesTest {

    @Test
    void encodesASceneAsAJpegWithNormalisedLabels() throws Exception {
        LabeledFrame frame = DriftScenario.builder("cam-1").build().frame(3);
        UploadImage image = UploadImages.encode(frame, UploadEncoding.DEFAULT);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.file()));
        assertThat(decoded.getWidth()).isEqualTo(frame.width());
        assertThat(image.file().length).as("far below the raw pixels").isLessThan(frame.width() * frame.height());
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
        UploadImage image = UploadImages.encode(frame, 64, 64, UploadEncoding.DEFAULT);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.file()));
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
    void losslessUploadsArePngFilesWithTheFramesPixelsExactly() throws Exception {
        LabeledFrame frame = DriftScenario.builder("cam-1").driftAt(0).build().frame(5);
        UploadImage png = UploadImages.encode(frame, 96, 96, UploadEncoding.LOSSLESS);
        UploadImage jpeg = UploadImages.encode(frame, 96, 96, UploadEncoding.DEFAULT);
        assertThat(png.isPng()).isTrue();
        assertThat(jpeg.isPng()).isFalse();
        BufferedImage sent = frame.letterboxed(96, 96).image();
        BufferedImage fromPng = ImageIO.read(new ByteArrayInputStream(png.file()));
        BufferedImage fromJpeg = ImageIO.read(new ByteArrayInputStream(jpeg.file()));
        int pngDifferences = 0;
        int jpegDifferences = 0;
        for (int y = 0; y < 96; y++) {
            for (int x = 0; x < 96; x++) {
                pngDifferences += fromPng.getRGB(x, y) == sent.getRGB(x, y) ? 0 : 1;
                jpegDifferences += fromJpeg.getRGB(x, y) == sent.getRGB(x, y) ? 0 : 1;
            }
        }
        assertThat(pngDifferences).isZero();
        assertThat(jpegDifferences).as("JPEG at 0.9 changes pixels of a noisy night frame").isGreaterThan(96 * 96 / 2);
        assertThat(png.labels()).isEqualTo(jpeg.labels());
    }

    @Test
    void anUploadQualityIsAJpegQualityOrLossless() {
        assertThat(UploadEncoding.parse("lossless")).isEqualTo(UploadEncoding.LOSSLESS);
        assertThat(UploadEncoding.parse(" Lossless ").lossless()).isTrue();
        assertThat(UploadEncoding.parse("0.75").quality()).isEqualTo(0.75f);
        assertThat(UploadEncoding.parse("1").toString()).isEqualTo("1.0");
        assertThat(UploadEncoding.LOSSLESS).hasToString("lossless");
        assertThatThrownBy(() -> UploadEncoding.parse("png")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--upload-quality : 'png' (expected: a JPEG quality above 0 and at most 1, or lossless)");
        assertThatThrownBy(() -> UploadEncoding.parse("0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--upload-quality : 0.0 (expected: above 0 and at most 1, or lossless)");
        assertThatThrownBy(() -> UploadEncoding.parse("1.5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--upload-quality : 1.5 ");
    }

    @Test
    void clipsBoxesToTheImageAndLeavesOutEmptyOnes() {
        BufferedImage pixels = new BufferedImage(100, 50, BufferedImage.TYPE_3BYTE_BGR);
        LabeledFrame frame = new LabeledFrame("f", pixels, List.of(
                new GroundTruth(1, "square", new BoundingBox(-10, 10, 30, 20)),
                new GroundTruth(2, "triangle", new BoundingBox(120, 10, 5, 5))));
        List<Label> labels = UploadImages.labels(frame);
        assertThat(labels).containsExactly(new Label(1, 0.1f, 0.4f, 0.2f, 0.4f));
    }
}
