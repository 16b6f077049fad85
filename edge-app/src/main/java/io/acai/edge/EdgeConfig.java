package io.acai.edge;

import io.acai.detection.ModelFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything an edge run needs, as the command line gave it.
 *
 * @param cloudHost         host of the cloud ({@code local} already resolved to the loopback address)
 * @param port              the cloud's port
 * @param inferenceLog      the inference log file
 * @param updateLog         the update log file
 * @param inferenceCsv      {@code edge_inf.csv}
 * @param updateCsv         {@code edge_update.csv}
 * @param requestsPerSecond the emulated user's rate
 * @param edgeId            the edge's name
 * @param data              a YOLO/VOC dataset to take frames from, or empty for the drift scenario
 * @param judge             {@code classes} or {@code iou}
 * @param uploadThreshold   mispredicted frames that start an upload
 * @param model             the model to start with, or empty for the default model
 * @param confidence        detection confidence threshold
 * @param nms               non-maximum suppression IoU
 * @param threads           OpenCV threads
 * @param duration          stop after this long, or empty to run until stopped
 * @param token             the secret the cloud asks for
 * @param seed              the scenario's seed, or empty to seed it from the edge id
 * @param driftAfter        when the drift starts in the synthetic scenario
 * @param heartbeatInterval write silence after which a heartbeat goes out
 */
public record EdgeConfig(String cloudHost, int port, Path inferenceLog, Path updateLog, Path inferenceCsv,
                         Path updateCsv, double requestsPerSecond, String edgeId, Optional<Path> data, String judge,
                         int uploadThreshold, Optional<ModelFiles> model, float confidence, float nms, int threads,
                         Optional<Duration> duration, String token, Optional<Long> seed, Duration driftAfter,
                         Duration heartbeatInterval) {

    public EdgeConfig {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("<port> : " + port + " (expected: 1..65535)");
        }
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("<requests per second> : " + requestsPerSecond + " (expected: > 0)");
        }
        if (uploadThreshold < 1) {
            throw new IllegalArgumentException("--upload-threshold : " + uploadThreshold + " (expected: >= 1)");
        }
        if (driftAfter.isNegative()) {
            throw new IllegalArgumentException("--drift-after : " + driftAfter + " (expected: >= 0)");
        }
    }

    /**
     * The output paths as the original placed them: with {@code local} as cloud host, each file goes
     * under {@code logs/<edge id>/} (its file name kept), else where given.
     */
    public static Path output(String cloudHostArgument, String edgeId, Path given) {
        return "local".equals(cloudHostArgument) ? Path.of("logs", edgeId).resolve(given.getFileName()) : given;
    }
}
