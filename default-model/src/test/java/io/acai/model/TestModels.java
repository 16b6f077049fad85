package io.acai.model;

import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The default model's network and names with freshly initialised weights (seeded), for tests that
 * need a valid model but not a trained one. Shipped in default-model's test-jar for the apps' tests.
 */
public final class TestModels {

    private TestModels() {
    }

    public static ModelFiles initialDefaultNetwork(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        ModelFiles files = DefaultModel.files(dir);
        copy(DefaultModel.NAME + ".cfg", files.cfg());
        copy(DefaultModel.NAME + ".names", files.names());
        DarknetWeights.initial(DarknetConfig.read(files.cfg()), seed).write(files.weights());
        return files;
    }

    /** Other weights for the same network, as a retrain would produce. */
    public static byte[] otherWeights(ModelFiles files, long seed) throws IOException {
        return DarknetWeights.initial(DarknetConfig.read(files.cfg()), seed).encode();
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = DefaultModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " missing");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
