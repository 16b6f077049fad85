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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloDatasetTest {

    private final Path corrupt = TestFolders.resource("corrupt-yolo");

    @Test
    void reportsEveryBadLineAndFileWithoutStopping() throws IOException {
        Dataset dataset = Datasets.open(corrupt);

        assertThat(dataset.format()).isEqualTo("yolo");
        assertThat(dataset.names().asList()).containsExactly("cat", "dog", "person");
        // a.png, b.png and truncated.png: the truncated one has a PNG signature, so only decoding finds it out
        assertThat(dataset.entries()).extracting(DatasetEntry::id).containsExactly("a", "b", "truncated");
        assertThat(dataset.labeledCount()).isEqualTo(1);
        assertThat(dataset.objectCount()).isEqualTo(2);
        assertThat(dataset.skipped()).extracting(Object::toString).containsExactlyInAnyOrder(
                corrupt.resolve("labels/a.txt") + ":3: '1 0.5 0.5 0.2': 4 fields (expected: 5, class cx cy w h)",
                corrupt.resolve("labels/a.txt") + ":4: class id 7 beyond the 3 class names (expected: 0..2)",
                corrupt.resolve("labels/a.txt") + ":5: cx 1.5 out of range (expected: >= 0 and <= 1, normalised to the image size)",
                corrupt.resolve("labels/a.txt") + ":6: class id 'x' (expected: an integer)",
                corrupt.resolve("labels/a.txt") + ":8: w 0 out of range (expected: > 0 and <= 1, normalised to the image size)",
                corrupt.resolve("images/broken.jpg") + ": not an image (no decoder recognises its content)",
                corrupt.resolve("images/notes.txt")
                        + ": not an image (expected: one of " + ImageFiles.EXTENSIONS + ")",
                corrupt.resolve("labels/orphan.txt") + ": label file without an image");
    }

    @Test
    void iterationSkipsImagesThatFailToDecodeAndCountsThem() throws IOException {
        Dataset dataset = Datasets.open(corrupt);
        int before = dataset.skipped().size();

        List<LabeledFrame> frames = new ArrayList<>();
        dataset.forEach(frames::add);

        assertThat(frames).extracting(LabeledFrame::id).containsExactly("a", "b");
        assertThat(dataset.skipped()).hasSize(before + 1);
        assertThat(dataset.skipped().get(before).file()).isEqualTo(corrupt.resolve("images/truncated.png"));
        assertThatThrownBy(() -> dataset.load(2)).isInstanceOf(IOException.class).hasMessageContaining("truncated.png");
        assertThat(dataset.skipped()).hasSize(before + 1);
    }

    @Test
    void loadingAnImageThatFailsToDecodeAddsItToSkippedOnce() throws IOException {
        Dataset dataset = Datasets.open(corrupt);
        int before = dataset.skipped().size();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> dataset.load(2)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(corrupt.resolve("images/truncated.png") + ": cannot decode image");
        }

        assertThat(dataset.skipped()).hasSize(before + 1);
        assertThat(dataset.skipped().get(before).toString())
                .startsWith(corrupt.resolve("images/truncated.png") + ": cannot decode image");
    }

    @Test
    void convertsNormalisedBoxesToPixelsOfBgrImages() throws IOException {
        LabeledFrame a = Datasets.open(corrupt).load(0);

        assertThat(a.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(a.width()).isEqualTo(40);
        assertThat(a.height()).isEqualTo(20);
        // "0 0.5 0.5 0.25 0.5" on 40x20: centre (20, 10), size 10x10 -> corner (15, 5)
        // "1 0.25 0.25 0.5 0.5": centre (10, 5), size 20x10 -> corner (0, 0)
        assertThat(a.objects()).containsExactly(
                new GroundTruth(0, "cat", new BoundingBox(15, 5, 10, 10)),
                new GroundTruth(1, "dog", new BoundingBox(0, 0, 20, 10)));
        // the fixture's pixels are RGB (200, 30, 10)
        assertThat(a.image().getRGB(3, 3) & 0xffffff).isEqualTo(0xc81e0a);
    }

    @Test
    void imageWithoutLabelFileHasNoObjects() throws IOException {
        LabeledFrame b = Datasets.open(corrupt).load(1);
        assertThat(b.objects()).isEmpty();
    }

    @Test
    void framesCarryTheModelsIdsMatchedByName() throws IOException {
        Dataset dataset = Datasets.open(corrupt, ClassNames.of(List.of("person", "bicycle", "dog")));

        assertThat(dataset.mapping().unmapped()).containsExactly("cat");
        assertThat(dataset.unmappedObjects()).containsEntry("cat", 1);
        assertThat(dataset.load(0).objects()).containsExactly(new GroundTruth(2, "dog", new BoundingBox(0, 0, 20, 10)));
        assertThat(dataset.summary()).contains("3 images, 1 labeled, 2 objects, 8 skipped").contains("{cat=1}");
    }

    @Test
    void flatFolderPairsImagesWithLabelsOfTheSameName(@TempDir Path dir) throws IOException {
        Files.copy(corrupt.resolve("images/a.png"), dir.resolve("one.png"));
        Files.copy(corrupt.resolve("images/b.png"), dir.resolve("two.png"));
        Files.writeString(dir.resolve("one.txt"), "\uFEFF1 0.5 0.5 1 1\r\n"); // a BOM and CRLF, as Windows editors write
        Files.writeString(dir.resolve("shapes.names"), "circle\nsquare\n");

        Dataset dataset = Datasets.open(dir);

        assertThat(dataset.names().asList()).containsExactly("circle", "square");
        assertThat(dataset.skipped()).isEmpty();
        assertThat(dataset.load(0).objects()).containsExactly(new GroundTruth(1, "square", new BoundingBox(0, 0, 40, 20)));
        assertThat(dataset.load(1).objects()).isEmpty();
    }

    @Test
    void opensTheImagesSubfolderOfASplitLayout(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("images/val"));
        Files.createDirectories(dir.resolve("labels/val"));
        Files.copy(corrupt.resolve("images/a.png"), dir.resolve("images/val/x.png"));
        Files.writeString(dir.resolve("labels/val/x.txt"), "0 0.5 0.5 0.5 0.5\n");
        Files.writeString(dir.resolve("classes.txt"), "cat\n");

        Dataset whole = Datasets.open(dir);
        Dataset split = Datasets.open(dir.resolve("images/val"));

        assertThat(whole.entries()).extracting(DatasetEntry::id).containsExactly("val/x");
        assertThat(split.entries()).extracting(DatasetEntry::id).containsExactly("x");
        assertThat(split.root()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(split.load(0).objects()).singleElement()
                .satisfies(object -> assertThat(object.box().x()).isCloseTo(10, within(1e-9)));
    }

    @Test
    void withoutNamesFileOrModelNamesItFailsNamingTheFolder(@TempDir Path dir) throws IOException {
        Files.copy(corrupt.resolve("images/a.png"), dir.resolve("one.png"));
        assertThatThrownBy(() -> Datasets.open(dir)).isInstanceOf(IOException.class)
                .hasMessage(dir + ": no class names (expected: classes.txt or a .names file in the folder,"
                        + " or the model's names)");
    }

    @Test
    void aFolderWithoutImagesIsNoDataset(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("readme.md"), "hello");
        assertThatThrownBy(() -> Datasets.open(dir)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(dir + ": no dataset found");
    }
}
