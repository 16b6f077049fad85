package io.acai.cloud.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.model.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --keep-versions}: the first version, the newest N and the current one stay; the rest are deleted. */
class ModelStoreRetentionTest {

    @TempDir
    Path tmp;

    private List<String> files() throws Exception {
        try (Stream<Path> listed = Files.list(tmp.resolve("store"))) {
            return listed.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheFirstAndTheNewestVersionsAndDeletesTheRestWithTheirDigests() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("m"), 1);
        ModelStore store = ModelStore.open(tmp.resolve("store"), model, 3);
        ModelVersion pushing = null;
        for (int seed = 2; seed <= 11; seed++) {
            ModelVersion saved = store.save(DarknetWeights.initial(store.cfg(), seed).encode());
            if (saved.version() == 2) {
                pushing = saved;
            }
            store.prune();
        }
        assertThat(files()).containsExactly("v0000.weights", "v0000.weights.sha256", "v0008.weights",
                "v0008.weights.sha256", "v0009.weights", "v0009.weights.sha256", "v0010.weights", "v0010.weights.sha256");
        assertThat(store.current().version()).isEqualTo(10);
        // a push of v2 that began before v2's file was deleted sends the bytes held in memory, intact
        assertThat(pushing.weights()).isEqualTo(DarknetWeights.initial(store.cfg(), 3).encode());
        // a reopened store carries on from the newest version and numbers after it
        ModelStore reopened = ModelStore.open(tmp.resolve("store"), model, 3);
        assertThat(reopened.current().version()).isEqualTo(10);
        assertThat(reopened.prune()).isEmpty();
    }

    @Test
    void neverDeletesTheCurrentVersionEvenBelowTheNewestNumbers() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("m"), 1);
        ModelStore store = ModelStore.open(tmp.resolve("store"), model, 0);
        for (int seed = 2; seed <= 4; seed++) {
            store.save(DarknetWeights.initial(store.cfg(), seed).encode());
        }
        // three damaged files after v3: a reopened store serves v3, the newest valid one
        for (int damaged = 4; damaged <= 6; damaged++) {
            Files.write(tmp.resolve(String.format("store/v%04d.weights", damaged)), new byte[] {1, 2, 3});
        }
        ModelStore reopened = ModelStore.open(tmp.resolve("store"), model, 2);
        assertThat(reopened.current().version()).isEqualTo(3);

        assertThat(reopened.prune()).containsExactly(1, 2, 4);
        assertThat(files()).contains("v0000.weights", "v0003.weights", "v0005.weights", "v0006.weights")
                .doesNotContain("v0001.weights", "v0002.weights", "v0004.weights");
    }

    @Test
    void zeroKeepsEveryVersionAndANegativeCountIsRefused() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("m"), 1);
        ModelStore store = ModelStore.open(tmp.resolve("store"), model, 0);
        for (int seed = 2; seed <= 8; seed++) {
            store.save(DarknetWeights.initial(store.cfg(), seed).encode());
            assertThat(store.prune()).isEmpty();
        }
        assertThat(files()).hasSize(16);
        assertThatThrownBy(() -> ModelStore.open(tmp.resolve("other"), model, -1))
                .hasMessageContaining("--keep-versions : -1");
    }
}
