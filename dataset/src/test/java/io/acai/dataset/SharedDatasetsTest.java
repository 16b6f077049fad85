package io.acai.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import io.acai.detection.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers on the real COCO128 and raccoon sets of {@code ../shared}. */
class SharedDatasetsTest {

    @Test
    void coco128Has128ImagesOf126LabeledWithTheirObjects() throws IOException {
        Path coco128 = SharedData.resolve("data/coco128");
        ClassNames coco = ClassNames.read(SharedData.resolve("data/darknet/data/coco.names"));

        Dataset dataset = Datasets.open(coco128, coco);

        assertThat(dataset.format()).isEqualTo("yolo");
        assertThat(dataset.size()).isEqualTo(128);
        assertThat(dataset.labeledCount()).isEqualTo(126);
        assertThat(dataset.skipped()).isEmpty();
        assertThat(dataset.mapping().isIdentity()).isTrue();
        long lines = 0;
        for (DatasetEntry entry : dataset.entries()) {
            if (entry.labeled()) {
                List<String> labelLines = Files.readAllLines(entry.annotation().get());
                lines += labelLines.stream().filter(line -> !line.isBlank()).count();
                assertThat(entry.objects()).hasSize((int) labelLines.stream().filter(l -> !l.isBlank()).count());
            }
        }
        assertThat(dataset.objectCount()).isEqualTo(lines).isEqualTo(929);
    }

    @Test
    void coco128FrameHasPixelBoxesOfItsFirstLabel() throws IOException {
        Path coco128 = SharedData.resolve("data/coco128");
        ClassNames coco = ClassNames.read(SharedData.resolve("data/darknet/data/coco.names"));
        Dataset dataset = Datasets.open(coco128, coco);
        int index = dataset.entries().stream().map(DatasetEntry::id).toList().indexOf("train/000000000009");

        LabeledFrame frame = dataset.load(index);

        // labels/train/000000000009.txt starts "45 0.479492 0.688771 0.955609 0.5955" on a 640x480 photo
        assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(frame.width()).isEqualTo(640);
        assertThat(frame.height()).isEqualTo(480);
        GroundTruth bowl = frame.objects().get(0);
        assertThat(bowl.className()).isEqualTo("bowl");
        assertThat(bowl.box().x()).isCloseTo((0.479492 - 0.955609 / 2) * 640, within(1e-6));
        assertThat(bowl.box().height()).isCloseTo(0.5955 * 480, within(1e-6));
    }

    @Test
    void raccoonVocHas200AnnotatedImages() throws IOException {
        Path raccoon = SharedData.resolve("data/raccoon_voc");

        Dataset dataset = Datasets.open(raccoon);

        assertThat(dataset.format()).isEqualTo("voc");
        assertThat(dataset.size()).isEqualTo(200);
        assertThat(dataset.labeledCount()).isEqualTo(200);
        assertThat(dataset.names().asList()).containsExactly("raccoon");
        assertThat(dataset.skipped()).isEmpty();
        assertThat(dataset.objectCount()).isEqualTo(217);
        LabeledFrame first = dataset.load(dataset.entries().stream().map(DatasetEntry::id).toList().indexOf("raccoon-1"));
        // raccoon-1.xml: 650x417, <xmin>81</xmin><ymin>88</ymin><xmax>522</xmax><ymax>408</ymax>
        assertThat(first.width()).isEqualTo(650);
        assertThat(first.objects()).singleElement().satisfies(object -> {
            assertThat(object.box().x()).isEqualTo(80);
            assertThat(object.box().width()).isEqualTo(442);
        });
    }

    @Test
    void raccoonIsUnmappedForACocoModel() throws IOException {
        Dataset dataset = Datasets.open(SharedData.resolve("data/raccoon_voc"),
                ClassNames.read(SharedData.resolve("data/darknet/data/coco.names")));
        assertThat(dataset.mapping().unmapped()).containsExactly("raccoon");
        assertThat(dataset.unmappedObjects()).containsExactly(java.util.Map.entry("raccoon", 217));
    }
}
