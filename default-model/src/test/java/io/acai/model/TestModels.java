package io.acai.model;

import io.acai.detection.ModelFiles;
import io.acai.detection.darknet.DarknetConfig;
import io.acai.detection.darknet.DarknetWeights;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The default model's network and names with freshly initialised weights (seeded), for tests that
 * need a valid model but not a trained one. Shipped in default-model's test-jar for the apps' tests.
 */
public final class TestModels {

    private TestModels() {
    }

    public static ModelFiles initialDefaultNetwork(Path dir, long seed) throws IOException {
        ModelFiles files = DefaultModel.extractTo(dir);
        DarknetWeights.initial(DarknetConfig.read(files.cfg()), seed).write(files.weights());
        return files;
    }

    /** Other weights for the same network, as a retrain would produce. */
    public static byte[] otherWeights(ModelFiles files, long seed) throws IOException {
        return DarknetWeights.initial(DarknetConfig.read(files.cfg()), seed).encode();
    }
}
