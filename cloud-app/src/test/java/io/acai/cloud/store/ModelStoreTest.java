package io.acai.cloud.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetWeights;
import io.acai.model.TestModels;
import io.acai.protocol.ModelDigest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path tmp;

    @Test
    void startsAtVersionZeroAndNumbersEachSave() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        ModelStore store = ModelStore.open(tmp.resolve("store"), model);
        assertThat(store.current().version()).isZero();
        assertThat(store.current().weights()).isEqualTo(Files.readAllBytes(model.weights()));

        byte[] next = DarknetWeights.initial(store.cfg(), 2).encode();
        ModelVersion v1 = store.save(next);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(store.current()).isSameAs(v1);
        assertThat(Files.readAllBytes(v1.file())).isEqualTo(next);
        assertThat(v1.sha256()).isEqualTo(ModelDigest.sha256(next));
        assertThat(Files.readString(tmp.resolve("store/v0001.weights.sha256"))).startsWith(v1.sha256Hex());
        try (var files = Files.list(tmp.resolve("store"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void refusesTruncatedWeightsAndKeepsTheCurrentVersion() throws Exception {
        ModelStore store = ModelStore.open(tmp.resolve("store"), TestModels.initialDefaultNetwork(tmp.resolve("m"), 1));
        byte[] good = DarknetWeights.initial(store.cfg(), 2).encode();
        byte[] truncated = Arrays.copyOf(good, good.length - 4);
        assertThatThrownBy(() -> store.save(truncated))
                .isInstanceOf(WeightsRejectedException.class)
                .hasMessageContaining("retrained weights for v1: refused");
        assertThat(store.current().version()).isZero();
        assertThat(tmp.resolve("store/v0001.weights")).doesNotExist();
    }

    @Test
    void refusesWeightsHoldingNaN() throws Exception {
        ModelStore store = ModelStore.open(tmp.resolve("store"), TestModels.initialDefaultNetwork(tmp.resolve("m"), 1));
        byte[] weights = DarknetWeights.initial(store.cfg(), 2).encode();
        ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).putFloat(weights.length - 4, Float.NaN);
        assertThatThrownBy(() -> store.save(weights))
                .isInstanceOf(WeightsRejectedException.class)
                .hasMessageContaining("= NaN (expected: a finite number)");
        assertThat(store.current().version()).isZero();
    }

    @Test
    void reopensAtTheNewestValidVersion() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("m"), 1);
        ModelStore store = ModelStore.open(tmp.resolve("store"), model);
        byte[] v1 = DarknetWeights.initial(store.cfg(), 2).encode();
        store.save(v1);
        Files.write(tmp.resolve("store/v0002.weights"), new byte[] {1, 2, 3}); // a damaged file
        ModelStore reopened = ModelStore.open(tmp.resolve("store"), model);
        assertThat(reopened.current().version()).isEqualTo(1);
        assertThat(reopened.current().weights()).isEqualTo(v1);

        // the damaged v0002 keeps its number: the next save is v3, and v0002 is left as it was
        byte[] v3 = DarknetWeights.initial(store.cfg(), 3).encode();
        assertThat(reopened.save(v3).version()).isEqualTo(3);
        assertThat(tmp.resolve("store/v0003.weights")).hasBinaryContent(v3);
        assertThat(tmp.resolve("store/v0002.weights")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void startsAfterDamagedFilesWhenNoVersionIsValid() throws Exception {
        ModelFiles model = TestModels.initialDefaultNetwork(tmp.resolve("m"), 1);
        Files.createDirectories(tmp.resolve("store"));
        Files.write(tmp.resolve("store/v0000.weights"), new byte[] {9}); // a damaged file

        ModelStore store = ModelStore.open(tmp.resolve("store"), model);

        assertThat(store.current().version()).isEqualTo(1);
        assertThat(store.current().weights()).isEqualTo(Files.readAllBytes(model.weights()));
        assertThat(tmp.resolve("store/v0000.weights")).hasBinaryContent(new byte[] {9});
    }
}
