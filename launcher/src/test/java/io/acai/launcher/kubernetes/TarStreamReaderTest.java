package io.acai.launcher.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Archives written by this machine's real tar, in its default (GNU) and ustar formats. */
class TarStreamReaderTest {

    @TempDir
    Path dir;

    private byte[] tar(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "tar";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "no tar on this machine: " + e.getMessage());
            throw e;
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).isZero();
        return out;
    }

    private void files() throws IOException {
        Files.writeString(dir.resolve("cloud.csv"), "time,loss\n1,0.5\n");
        Path deep = dir.resolve("a".repeat(60) + "/" + "b".repeat(60));
        Files.createDirectories(deep);
        Files.write(deep.resolve("retrain.log"), new byte[1000]);
        Files.writeString(dir.resolve("empty.log"), "");
    }

    private static Map<String, byte[]> read(byte[] archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        int count = TarStreamReader.read(new ByteArrayInputStream(archive), files::put);
        assertThat(count).isEqualTo(files.size());
        return files;
    }

    @Test
    void readsGnuAndUstarArchivesWithLongNames() throws Exception {
        files();
        String longName = "./" + "a".repeat(60) + "/" + "b".repeat(60) + "/retrain.log";
        for (String format : new String[] {"gnu", "ustar"}) {
            Map<String, byte[]> files = read(tar("--format=" + format, "-cf", "-", "./cloud.csv", longName,
                    "./empty.log"));
            assertThat(files).as(format).containsOnlyKeys("./cloud.csv", longName, "./empty.log");
            assertThat(new String(files.get("./cloud.csv"), StandardCharsets.UTF_8)).isEqualTo("time,loss\n1,0.5\n");
            assertThat(files.get(longName)).hasSize(1000);
            assertThat(files.get("./empty.log")).isEmpty();
        }
    }

    @Test
    void aTruncatedArchiveIsAnErrorNotASilentlyShortFile() throws Exception {
        files();
        byte[] archive = tar("-cf", "-", "./cloud.csv");
        byte[] cut = Arrays.copyOf(archive, 512 + 100);
        assertThatThrownBy(() -> read(cut)).isInstanceOf(EOFException.class)
                .hasMessageContaining("tar stream ends inside an entry");
        assertThat(read(new byte[0])).isEmpty();
        assertThat(TarStreamReader.isComplete(archive)).isTrue();
        assertThat(TarStreamReader.isComplete(cut)).isFalse();
        assertThat(TarStreamReader.isComplete(Arrays.copyOf(archive, 1024))).isFalse();
        assertThat(TarStreamReader.isComplete(new byte[0])).isFalse();
    }
}
