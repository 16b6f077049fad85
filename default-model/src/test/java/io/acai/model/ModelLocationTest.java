package io.acai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acai.detection.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocationTest {

    @TempDir
    Path tmp;

    @Test
    void readsAFolderOfOneCfgWeightsAndNames() throws IOException {
        ModelFiles written = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        ModelFiles read = ModelLocation.parse(tmp.resolve("model").toString());
        assertThat(read.cfg()).isEqualTo(written.cfg());
        assertThat(read.weights()).isEqualTo(written.weights());
        assertThat(read.names()).isEqualTo(written.names());
    }

    @Test
    void readsThreeCommaSeparatedPaths() throws IOException {
        ModelFiles written = TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        ModelFiles read = ModelLocation.parse(written.cfg() + ", " + written.weights() + "," + written.names());
        assertThat(read.weights()).isEqualTo(written.weights());
    }

    @Test
    void aPathWithACommaIsGivenInDoubleQuotes() throws IOException {
        ModelFiles written = TestModels.initialDefaultNetwork(tmp.resolve("day,night"), 1);
        assertThat(ModelLocation.parse("\"" + tmp.resolve("day,night") + "\"").cfg()).isEqualTo(written.cfg());
        assertThat(ModelLocation.parse("\"" + written.cfg() + "\",\"" + written.weights() + "\",\"" + written.names()
                + "\"").weights()).isEqualTo(written.weights());
        assertThatThrownBy(() -> ModelLocation.parse("\"" + written.cfg())).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a comma-separated list").hasMessageContaining("goes in double quotes");
    }

    /** An edge host member's {@code --model} is read from its own folder ({@code --work-dir}); absolute paths stay. */
    @Test
    void relativePathsAreTakenFromTheBaseFolder() throws IOException {
        ModelFiles written = TestModels.initialDefaultNetwork(tmp.resolve("member/model"), 1);
        assertThat(ModelLocation.parse("model", tmp.resolve("member")).cfg()).isEqualTo(written.cfg());
        assertThat(ModelLocation.parse("model/acai-shapes.cfg,model/acai-shapes.weights," + written.names(),
                tmp.resolve("member")).weights()).isEqualTo(written.weights());
    }

    @Test
    void folderWithTwoCfgFilesNamesTheCount() throws IOException {
        TestModels.initialDefaultNetwork(tmp.resolve("model"), 1);
        Files.writeString(tmp.resolve("model/other.cfg"), "[net]\n");
        assertThatThrownBy(() -> ModelLocation.parse(tmp.resolve("model").toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds 2 .cfg files")
                .hasMessageContaining("(expected: exactly one)");
    }

    @Test
    void missingFolderAndWrongPartCountAreRejected() {
        assertThatThrownBy(() -> ModelLocation.parse(tmp.resolve("absent").toString()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> ModelLocation.parse("a.cfg,b.weights"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("--model : a.cfg,b.weights (expected: a folder, or cfg,weights,names)");
    }
}
