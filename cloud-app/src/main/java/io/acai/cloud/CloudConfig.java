package io.acai.cloud;

import io.acai.cloud.retrain.PushPolicy;
import io.acai.detection.ModelFiles;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a cloud run needs, as the command line gave it.
 *
 * @param port              TCP port to listen on, {@code 0} for any free one
 * @param logFile           the human-readable log
 * @param csvFile           {@code cloud.csv}, one row per retrain
 * @param model             the model to start from
 * @param defaultModel      whether {@code model} is the project's default model (its pre-drift
 *                          scenes then seed the replay buffer)
 * @param storeDir          where model versions are saved
 * @param minRetrainImages  pending images that start a retrain; 0 = every upload
 * @param pushPolicy        who receives a new version
 * @param replay            earlier samples kept for each retrain
 * @param token             the secret edges must present; empty admits all
 * @param heartbeatInterval write silence after which a heartbeat goes out
 * @param seed              seeds the replay sampling
 */
public record CloudConfig(int port, Path logFile, Path csvFile, ModelFiles model, boolean defaultModel, Path storeDir,
                          int minRetrainImages, PushPolicy pushPolicy, int replay, String token,
                          Duration heartbeatInterval, long seed) {

    public CloudConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("<port> : " + port + " (expected: 0..65535)");
        }
        if (minRetrainImages < 0) {
            throw new IllegalArgumentException("--min-retrain-images : " + minRetrainImages + " (expected: >= 0)");
        }
        if (replay < 0) {
            throw new IllegalArgumentException("--replay : " + replay + " (expected: >= 0)");
        }
    }
}
