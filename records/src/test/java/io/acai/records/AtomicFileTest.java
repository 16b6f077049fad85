package io.acai.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path tmp;

    @Test
    void createsThenReplacesAndLeavesNoTemporaryFile() throws IOException {
        Path file = tmp.resolve("v0001.weights");
        AtomicFile.write(file, new byte[] {1, 2, 3});
        AtomicFile.write(file, new byte[] {4, 5});

        assertThat(file).hasBinaryContent(new byte[] {4, 5});
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFolderThatDoesNotExistFailsAndWritesNothing() {
        Path file = tmp.resolve("missing/labels.txt");
        assertThatThrownBy(() -> AtomicFile.write(file, new byte[] {1})).isInstanceOf(IOException.class);
        assertThat(tmp.resolve("missing")).doesNotExist();
    }
}
