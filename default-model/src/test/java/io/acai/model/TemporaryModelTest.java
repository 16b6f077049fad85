package io.acai.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.acai.detection.ModelFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real child JVM ({@link HoldsTemporaryModel}) extracts the default model as the cloud and the edges do, then is
 * stopped with SIGTERM, as the launcher stops an app: its temporary folder must be gone.
 */
class TemporaryModelTest {

    @Test
    void theTemporaryFolderIsDeletedWhenTheJvmIsStoppedWithSigterm() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldsTemporaryModel.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path dir;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the child's first line: its model folder").isNotNull();
            dir = Path.of(line);
            assertThat(dir.resolve(DefaultModel.NAME + ".weights")).as("the weights while the app runs").isRegularFile();
        } finally {
            child.destroy(); // SIGTERM on Linux: shutdown hooks run
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ended within 30 s of SIGTERM").isTrue();
        assertThat(dir).as("the temporary model folder after the app's end").doesNotExist();
    }

    /** The child: extracts the model, prints its folder, and waits to be stopped. */
    public static final class HoldsTemporaryModel {

        public static void main(String[] args) throws InterruptedException {
            ModelFiles files = DefaultModel.extractToTemporaryFolder();
            System.out.println(files.weights().getParent());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
