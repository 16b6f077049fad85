package io.acai.scenes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acai.dataset.Dataset;
import io.acai.dataset.Datasets;
import io.acai.detection.GroundTruth;
import io.acai.detection.LabeledFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneDatasetsTest {

    @Test
    void writtenScenesReadBackWithTheSamePixelsAndBoxes(@TempDir Path dir) throws IOException {
        SceneGenerator generator = new SceneGenerator(11, SceneStyle.PRE_DRIFT, 96, 64);

        SceneDatasets.write(generator, 4, dir);
        Dataset dataset = Datasets.open(dir);

        assertThat(Files.readAllLines(dir.resolve("classes.txt"))).isEqualTo(SceneClasses.NAMES.asList());
        assertThat(dataset.size()).isEqualTo(4);
        assertThat(dataset.skipped()).isEmpty();
        int objects = 0;
        for (int i = 0; i < 4; i++) {
            LabeledFrame original = generator.frame(i);
            LabeledFrame read = dataset.load(i);
            assertThat(read.id()).isEqualTo(original.id());
            assertThat(SceneGeneratorTest.bytes(read)).isEqualTo(SceneGeneratorTest.bytes(original));
            assertThat(read.objects()).hasSameSizeAs(original.objects());
            for (int j = 0; j < original.objects().size(); j++) {
                GroundTruth expected = original.objects().get(j);
                GroundTruth actual = read.objects().get(j);
                assertThat(actual.className()).isEqualTo(expected.className());
                // 6 decimals of a 96-pixel side: within 0.5e-6 * 96 pixels per coordinate
                assertThat(actual.box().x()).isCloseTo(expected.box().x(), within(1e-4));
                assertThat(actual.box().height()).isCloseTo(expected.box().height(), within(1e-4));
            }
            objects += original.objects().size();
        }
        assertThat(dataset.objectCount()).isEqualTo(objects).isPositive();
    }

    @Test
    void driftScenarioFramesAreNamedForTheCamera(@TempDir Path dir) throws IOException {
        DriftScenario scenario = DriftScenario.builder("edge-2").driftAt(1).size(64, 48).build();

        SceneDatasets.write(scenario, 2, dir);

        assertThat(dir.resolve("images/edge-2-000000.png")).isRegularFile();
        assertThat(dir.resolve("labels/edge-2-000001.txt")).isRegularFile();
        assertThatThrownBy(() -> SceneDatasets.write(scenario, -1, dir)).hasMessage("count: -1 (expected: >= 0)");
    }
}
