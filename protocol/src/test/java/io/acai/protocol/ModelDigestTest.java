package io.acai.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDigestTest {

    @Test
    void matchesTheFipsTestVector() {
        // FIPS 180-2, appendix B.1
        assertThat(ModelDigest.hex(ModelDigest.sha256("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void digestsAFileAsItsBytes(@TempDir Path dir) throws IOException {
        byte[] weights = SampleMessages.weights(300_000, 9); // several read blocks
        Path file = Files.write(dir.resolve("model.weights"), weights);
        assertThat(ModelDigest.sha256(file)).isEqualTo(ModelDigest.sha256(weights)).hasSize(ModelDigest.LENGTH);
    }

    @Test
    void noticesOneChangedByte() {
        byte[] weights = SampleMessages.weights(1000, 2);
        byte[] digest = ModelDigest.sha256(weights);
        assertThat(ModelDigest.matches(digest, weights)).isTrue();
        weights[500] ^= 1;
        assertThat(ModelDigest.matches(digest, weights)).isFalse();
    }
}
