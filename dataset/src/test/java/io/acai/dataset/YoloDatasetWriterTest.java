package io.acai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloDatasetWriterTest {

    private static final ClassNames NAMES = ClassNames.of(List.of("circle", "square"));

    @Test
    void writesLabelsNormalisedWithSixDecimalsAndReadsThemBack(@TempDir Path dir) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        image.setRGB(5, 7, 0x123456);
        LabeledFrame frame = new LabeledFrame("f1", image, List.of(
                new GroundTruth(1, "square", new BoundingBox(10, 12, 20, 24)),
                new GroundTruth(0, "circle", new BoundingBox(60, 40, 10, 10))));

        YoloDatasetWriter writer = YoloDatasetWriter.create(dir, NAMES);
        assertThat(writer.write(frame)).isEqualTo(2);

        // square: centre (20, 24) / (64, 48) = (0.3125, 0.5), size 20/64 = 0.3125, 24/48 = 0.5
        // circle clipped to (60, 40)-(64, 48): centre (62, 44) / (64, 48) = (0.96875, 0.916667), size 4/64, 8/48
        assertThat(Files.readAllLines(dir.resolve("labels/f1.txt"))).containsExactly(
                "1 0.312500 0.500000 0.312500 0.500000",
                "0 0.968750 0.916667 0.062500 0.166667");
        assertThat(Files.readAllLines(dir.resolve("classes.txt"))).containsExactly("circle", "square");
        try (Stream<Path> files = Files.list(dir.resolve("images"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("f1.png");
        }

        Dataset dataset = Datasets.open(dir);
        LabeledFrame back = dataset.load(0);
        assertThat(dataset.skipped()).isEmpty();
        assertThat(back.id()).isEqualTo("f1");
        assertThat(back.image().getRGB(5, 7) & 0xffffff).isEqualTo(0x123456);
        assertThat(back.objects().get(0).box().x()).isCloseTo(10, within(1e-4));
        assertThat(back.objects().get(1).box().width()).isCloseTo(4, within(1e-4));
    }

    @Test
    void leavesOutObjectsOutsideTheImage(@TempDir Path dir) throws IOException {
        LabeledFrame frame = new LabeledFrame("empty", new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB),
                List.of(new GroundTruth(0, "circle", new BoundingBox(20, 20, 4, 4))));
        assertThat(YoloDatasetWriter.create(dir, NAMES, "jpg").write(frame)).isZero();
        assertThat(Files.readString(dir.resolve("labels/empty.txt"))).isEmpty();
        assertThat(dir.resolve("images/empty.jpg")).isRegularFile();
    }

    @Test
    void refusesBadIdsDuplicatesUnknownClassesAndOtherNames(@TempDir Path dir) throws IOException {
        YoloDatasetWriter writer = YoloDatasetWriter.create(dir, NAMES);
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);

        assertThatThrownBy(() -> writer.write(new LabeledFrame("../x", image, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("frame id: '../x'");
        assertThatThrownBy(() -> writer.write(new LabeledFrame("c", image,
                List.of(new GroundTruth(2, "star", new BoundingBox(0, 0, 1, 1))))))
                .hasMessage("frame c: object 1 class id 2 beyond the 2 class names (expected: 0..1)");
        writer.write(new LabeledFrame("split/a", image, List.of()));
        assertThatThrownBy(() -> writer.write(new LabeledFrame("split/a", image, List.of())))
                .hasMessage("frame id: 'split/a' written twice (expected: unique ids)");
        assertThatThrownBy(() -> YoloDatasetWriter.create(dir, ClassNames.of(List.of("star"))))
                .isInstanceOf(IOException.class).hasMessageContaining("classes.txt: lists [circle, square]");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(Datasets.open(dir).entries()).extracting(DatasetEntry::id).containsExactly("split/a");
    }
}
