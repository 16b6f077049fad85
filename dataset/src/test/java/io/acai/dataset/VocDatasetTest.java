package io.acai.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.BoundingBox;
import io.acai.detection.ClassNames;
import io.acai.detection.GroundTruth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocDatasetTest {

    private final Path corrupt = TestFolders.resource("corrupt-voc");

    @Test
    void readsValidObjectsAndReportsTheRest() throws IOException {
        Dataset dataset = Datasets.open(corrupt);

        assertThat(dataset.format()).isEqualTo("voc");
        // names come from the parsed XML files, sorted; entity.xml and bad.xml are refused whole
        assertThat(dataset.names().asList()).containsExactly("raccoon", "sofa", "tvmonitor");
        assertThat(dataset.entries()).extracting(DatasetEntry::id).containsExactly("neg", "ok", "unannotated");
        assertThat(dataset.entries()).extracting(DatasetEntry::labeled).containsExactly(true, true, false);
        List<String> skipped = dataset.skipped().stream().map(Object::toString).toList();
        assertThat(skipped).hasSize(5);
        assertThat(skipped).anySatisfy(s -> assertThat(s).startsWith(corrupt.resolve("annotations/bad.xml") + ":4: malformed XML"));
        assertThat(skipped).anySatisfy(s -> assertThat(s).startsWith(corrupt.resolve("annotations/entity.xml") + ":2: malformed XML")
                .contains("DOCTYPE"));
        assertThat(skipped).contains(
                corrupt.resolve("annotations/neg.xml")
                        + ": object 1: tvmonitor: box (40.0, 6.0)-(30.0, 25.0) (expected: xmin <= xmax and ymin <= ymax)",
                corrupt.resolve("annotations/neg.xml") + ": object 2: tvmonitor: <xmin> 'a' (expected: a pixel coordinate)",
                corrupt.resolve("annotations/missing.xml") + ": image 'nowhere.jpg' not found in "
                        + corrupt.resolve("images"));
    }

    @Test
    void turnsOneBasedInclusiveCornersIntoPixelBoxes() throws IOException {
        Dataset dataset = Datasets.open(corrupt);
        // <xmin>11</xmin><ymin>6</ymin><xmax>30</xmax><ymax>25</ymax>: pixels 10..29 and 5..24, 20x20
        // <xmin>1</xmin><ymin>1</ymin><xmax>100</xmax><ymax>50</ymax>: the whole 100x50 image
        assertThat(dataset.load(1).objects()).containsExactly(
                new GroundTruth(1, "sofa", new BoundingBox(10, 5, 20, 20)),
                new GroundTruth(0, "raccoon", new BoundingBox(0, 0, 100, 50)));
        assertThat(dataset.load(0).objects()).containsExactly(
                new GroundTruth(2, "tvmonitor", new BoundingBox(50, 10, 10, 10)));
    }

    @Test
    void mapsVocNamesOntoCocoNames() throws IOException {
        ClassNames coco = ClassNames.of(List.of("person", "couch", "tv"));
        Dataset dataset = Datasets.open(corrupt, coco);

        assertThat(dataset.mapping().unmapped()).containsExactly("raccoon");
        assertThat(dataset.load(1).objects()).containsExactly(new GroundTruth(1, "couch", new BoundingBox(10, 5, 20, 20)));
        assertThat(dataset.load(0).objects()).extracting(GroundTruth::className).containsExactly("tv");
    }
}
